import type { WorkflowTemplate } from "./workflow.ts"

const n = (zh: string, en: string) => ({ zh, en })
const system = { id: "system", name: n("系统（计时器）", "system (timer)") }

/**
 * 五单式: residents order (点单), the community dispatches (派单), a department accepts (接单)
 * or anyone grabs the order (抢单), results are published (晒单) and the resident rates them.
 * An order left undispatched for one working day, or accepted but not done in five, escalates
 * one level (社区—街道—区—市 四级联动). No primary source fixes these limits (the essays give
 * only the mode), so they are defaults to override.
 */
const fiveOrder: WorkflowTemplate = {
  id: "fiveOrder",
  name: n("五单式服务（点单—派单—接单—抢单—晒单）", "Five-order service (order, dispatch, accept, grab, publish)"),
  roles: [
    { id: "resident", name: n("居民", "resident") },
    { id: "community", name: n("社区", "community") },
    { id: "department", name: n("报到单位/部门", "reporting unit / department") },
    { id: "volunteer", name: n("党员志愿者", "party-member volunteer") },
    system
  ],
  initial: "new",
  startLevel: "community",
  states: [
    { id: "new", name: n("新建", "new") },
    {
      id: "ordered",
      name: n("已点单", "ordered"),
      deadline: { limit: { workingDays: 1 }, onOverdue: "escalate" }
    },
    {
      id: "dispatched",
      name: n("已派单", "dispatched"),
      deadline: { limit: { workingDays: 1 }, onOverdue: "escalate" }
    },
    {
      id: "accepted",
      name: n("已接单", "accepted"),
      deadline: { limit: { workingDays: 5 }, onOverdue: "escalate" }
    },
    { id: "done", name: n("已办结", "done") },
    { id: "published", name: n("已晒单", "published") },
    { id: "rated", name: n("已评价", "rated"), terminal: true }
  ],
  transitions: [
    { event: "order", name: n("点单", "order"), from: ["new"], to: "ordered", roles: ["resident"] },
    {
      event: "dispatch",
      name: n("派单", "dispatch"),
      from: ["ordered"],
      to: "dispatched",
      roles: ["community"]
    },
    {
      event: "accept",
      name: n("接单", "accept"),
      from: ["dispatched"],
      to: "accepted",
      roles: ["department"]
    },
    {
      event: "grab",
      name: n("抢单", "grab"),
      from: ["ordered", "dispatched"],
      to: "accepted",
      roles: ["department", "volunteer"]
    },
    {
      event: "escalate",
      name: n("上报上一级", "escalate one level"),
      from: ["ordered", "dispatched", "accepted"],
      roles: ["system", "community"],
      escalates: true
    },
    {
      event: "complete",
      name: n("办结", "complete"),
      from: ["accepted"],
      to: "done",
      roles: ["department", "volunteer"]
    },
    { event: "publish", name: n("晒单", "publish results"), from: ["done"], to: "published", roles: ["community"] },
    {
      event: "rate",
      name: n("评价", "rate"),
      from: ["published"],
      to: "rated",
      roles: ["resident"],
      guards: [{ type: "requiresData", field: "rating" }]
    }
  ],
  metrics: { dispatch: ["dispatch"], response: ["accept", "grab"], close: ["publish"], rating: ["rate"] },
  sources: [
    {
      title: "牟平区“五单式”服务模式与“社区—街道—区—市”四级联动机制（篇一）",
      note: "mode only; time limits are defaults"
    }
  ]
}

/**
 * 四级联动: a matter reported in the community climbs to the street, district and city, one
 * level each time a level leaves it unresolved for one working day; it stops at the city.
 */
const fourLevelEscalation: WorkflowTemplate = {
  id: "fourLevelEscalation",
  name: n("四级联动（社区—街道—区—市）", "Four-level linkage (community, street, district, city)"),
  roles: [
    { id: "resident", name: n("居民", "resident") },
    { id: "gridWorker", name: n("网格员", "grid worker") },
    { id: "handler", name: n("承办层级", "handling level") },
    system
  ],
  initial: "new",
  startLevel: "community",
  states: [
    { id: "new", name: n("新建", "new") },
    { id: "open", name: n("办理中", "open"), deadline: { limit: { workingDays: 1 }, onOverdue: "escalate" } },
    { id: "resolved", name: n("已解决", "resolved") },
    { id: "closed", name: n("已确认", "closed"), terminal: true }
  ],
  transitions: [
    { event: "report", name: n("上报", "report"), from: ["new"], to: "open", roles: ["resident", "gridWorker"] },
    {
      event: "escalate",
      name: n("上报上一级", "escalate one level"),
      from: ["open"],
      roles: ["system", "handler"],
      escalates: true
    },
    { event: "resolve", name: n("解决", "resolve"), from: ["open"], to: "resolved", roles: ["handler"] },
    {
      event: "confirm",
      name: n("确认并评价", "confirm and rate"),
      from: ["resolved"],
      to: "closed",
      roles: ["resident", "gridWorker"],
      guards: [{ type: "requiresData", field: "rating" }]
    },
    {
      event: "reopen",
      name: n("未解决，重新办理", "not resolved: reopen"),
      from: ["resolved"],
      to: "open",
      roles: ["resident", "gridWorker"]
    }
  ],
  metrics: { dispatch: ["report"], response: ["resolve"], close: ["confirm"], rating: ["confirm"] },
  sources: [{ title: "“社区—街道—区—市”四级联动机制（篇一）", note: "one working day per level is a default" }]
}

/**
 * 街乡吹哨、部门报到: the street summons a department for one of the three triggers (a prominent
 * resident issue, enforcement the street has no power for, an emergency); the department must
 * arrive within 30 minutes (Pinggu practice), stays until the matter is done (事不完、人不撤), and
 * the street evaluates it. One case per summoned department.
 */
const whistleSummons: WorkflowTemplate = {
  id: "whistleSummons",
  name: n("街乡吹哨、部门报到", "Street whistle, departments report"),
  roles: [
    { id: "street", name: n("街道（乡镇）", "street (township)") },
    { id: "department", name: n("被召集部门", "summoned department") },
    system
  ],
  initial: "new",
  startLevel: "street",
  states: [
    { id: "new", name: n("新建", "new") },
    {
      id: "summoned",
      name: n("已吹哨", "summoned"),
      deadline: { limit: { minutes: 30 }, onOverdue: "markLate" }
    },
    { id: "late", name: n("逾时未到", "late") },
    { id: "onSite", name: n("已报到", "on site") },
    { id: "resolved", name: n("已解决", "resolved") },
    { id: "evaluated", name: n("已评价", "evaluated"), terminal: true }
  ],
  transitions: [
    {
      event: "whistle",
      name: n("吹哨", "whistle"),
      from: ["new"],
      to: "summoned",
      roles: ["street"],
      guards: [{ type: "requiresData", field: "reason" }]
    },
    {
      event: "markLate",
      name: n("记录逾时", "mark late"),
      from: ["summoned"],
      to: "late",
      roles: ["system", "street"]
    },
    {
      event: "report",
      name: n("报到", "report on site"),
      from: ["summoned", "late"],
      to: "onSite",
      roles: ["department"]
    },
    {
      event: "resolve",
      name: n("问题解决", "resolve"),
      from: ["onSite"],
      to: "resolved",
      roles: ["department", "street"]
    },
    {
      event: "evaluate",
      name: n("街道评价", "street evaluates"),
      from: ["resolved"],
      to: "evaluated",
      roles: ["street"],
      guards: [{ type: "requiresData", field: "rating" }]
    }
  ],
  metrics: { dispatch: ["whistle"], response: ["report"], close: ["resolve"], rating: ["evaluate"] },
  sources: [
    {
      title: "平谷区金海湖镇“街乡吹哨、部门报到”（2017）；北京市政府政策解读",
      note: "30-minute arrival; 事不完、人不撤"
    }
  ]
}

/**
 * 群众点单、社会组织接单、政府买单、第三方验单: residents order a service, the government
 * contracts it, a social organisation accepts and delivers, an independent third party (never
 * the contractor, the deliverer or the payer) verifies it, and only then does the government pay.
 * A rejected delivery goes back for rework at most twice.
 */
const procurement: WorkflowTemplate = {
  id: "procurement",
  name: n(
    "群众点单、社会组织接单、政府买单、第三方验单",
    "Residents order, social organisation delivers, government pays, third party verifies"
  ),
  roles: [
    { id: "resident", name: n("群众", "residents") },
    { id: "government", name: n("政府", "government") },
    { id: "socialOrganisation", name: n("社会组织", "social organisation") },
    { id: "thirdParty", name: n("第三方评估机构", "third-party assessor") }
  ],
  initial: "new",
  states: [
    { id: "new", name: n("新建", "new") },
    { id: "ordered", name: n("已点单", "ordered") },
    { id: "contracted", name: n("已立项购买", "contracted") },
    { id: "delivering", name: n("服务中", "delivering") },
    { id: "delivered", name: n("待验收", "awaiting verification") },
    { id: "verified", name: n("已验收", "verified") },
    { id: "paid", name: n("已付款", "paid"), terminal: true }
  ],
  transitions: [
    { event: "order", name: n("点单", "order"), from: ["new"], to: "ordered", roles: ["resident"] },
    { event: "contract", name: n("政府购买", "contract"), from: ["ordered"], to: "contracted", roles: ["government"] },
    {
      event: "accept",
      name: n("接单", "accept"),
      from: ["contracted"],
      to: "delivering",
      roles: ["socialOrganisation"]
    },
    {
      event: "deliver",
      name: n("交付", "deliver"),
      from: ["delivering"],
      to: "delivered",
      roles: ["socialOrganisation"]
    },
    {
      event: "verify",
      name: n("第三方验单", "third-party verification"),
      from: ["delivered"],
      to: "verified",
      roles: ["thirdParty"],
      guards: [
        { type: "actorNotFrom", events: ["contract", "accept", "deliver"] },
        { type: "requiresData", field: "resolved" }
      ]
    },
    {
      event: "reject",
      name: n("验收不通过", "reject delivery"),
      from: ["delivered"],
      to: "delivering",
      roles: ["thirdParty"],
      guards: [
        { type: "actorNotFrom", events: ["contract", "accept", "deliver"] },
        { type: "requiresData", field: "reason" },
        { type: "maxTimes", times: 2 }
      ]
    },
    { event: "pay", name: n("政府买单", "pay"), from: ["verified"], to: "paid", roles: ["government"] }
  ],
  metrics: { dispatch: ["contract"], response: ["accept"], close: ["verify"], rating: ["verify"] },
  sources: [
    { title: "国务院办公厅关于政府向社会力量购买服务的指导意见（国办发〔2013〕96号）", note: "procurement frame" },
    { title: "篇六：群众点单、社会组织接单、政府买单、第三方验单", note: "the formula; no primary rule text found" }
  ]
}

/**
 * 12345 hotline: intake, direct answer or dispatch, signing, contact, handling with one
 * extension, return of mis-routed items (退单), reply, closing, return visit (回访) and rating;
 * an unsatisfied rating can reopen the case once. Defaults follow the Shandong rules quoted in
 * the anchors (5 working days to handle, at most one extension of 10) and are parameters.
 */
const hotline12345: WorkflowTemplate = {
  id: "hotline12345",
  name: n("12345 热线工单", "12345 hotline ticket"),
  roles: [
    { id: "citizen", name: n("诉求人", "requester") },
    { id: "operator", name: n("热线受理员", "hotline operator") },
    { id: "handlingUnit", name: n("承办单位", "handling unit") },
    { id: "supervisor", name: n("督办", "supervisor") },
    system
  ],
  initial: "new",
  startLevel: "street",
  states: [
    { id: "new", name: n("新建", "new") },
    { id: "registered", name: n("已受理", "registered") },
    {
      id: "dispatched",
      name: n("已派单", "dispatched"),
      deadline: { limit: { workingDays: 1 }, onOverdue: "urge" }
    },
    { id: "signed", name: n("已签收", "signed"), deadline: { limit: { workingDays: 5 }, onOverdue: "urge" } },
    { id: "replied", name: n("已答复", "replied") },
    { id: "closed", name: n("已办结", "closed") },
    { id: "visited", name: n("已回访", "visited") },
    { id: "rated", name: n("已评价", "rated") }
  ],
  transitions: [
    { event: "intake", name: n("受理", "intake"), from: ["new"], to: "registered", roles: ["operator"] },
    {
      event: "answer",
      name: n("直接答复", "answer at intake"),
      from: ["registered"],
      to: "replied",
      roles: ["operator"]
    },
    {
      event: "dispatch",
      name: n("派单", "dispatch"),
      from: ["registered"],
      to: "dispatched",
      roles: ["operator"]
    },
    {
      event: "return",
      name: n("退单", "return"),
      from: ["dispatched"],
      to: "registered",
      roles: ["handlingUnit"],
      guards: [{ type: "requiresData", field: "reason" }]
    },
    { event: "sign", name: n("签收", "sign"), from: ["dispatched"], to: "signed", roles: ["handlingUnit"] },
    { event: "contact", name: n("联系诉求人", "contact requester"), from: ["signed"], roles: ["handlingUnit"] },
    {
      event: "extend",
      name: n("延期", "extend"),
      from: ["signed"],
      roles: ["handlingUnit"],
      extendsBy: { workingDays: 10 },
      guards: [
        { type: "maxTimes", times: 1 },
        { type: "requiresData", field: "reason" }
      ]
    },
    {
      event: "urge",
      name: n("催办", "urge"),
      from: ["dispatched", "signed"],
      roles: ["supervisor", "system"]
    },
    {
      event: "escalate",
      name: n("提级督办", "escalate"),
      from: ["signed"],
      roles: ["supervisor"],
      escalates: true
    },
    { event: "reply", name: n("办结答复", "reply"), from: ["signed"], to: "replied", roles: ["handlingUnit"] },
    { event: "close", name: n("办结", "close"), from: ["replied"], to: "closed", roles: ["operator"] },
    { event: "visit", name: n("回访", "return visit"), from: ["closed"], to: "visited", roles: ["operator"] },
    {
      event: "rate",
      name: n("评价", "rate"),
      from: ["visited"],
      to: "rated",
      roles: ["citizen", "operator"],
      guards: [{ type: "requiresData", field: "rating" }]
    },
    {
      event: "reopen",
      name: n("不满意重办", "reopen after an unsatisfied rating"),
      from: ["rated"],
      to: "dispatched",
      roles: ["operator", "supervisor"],
      guards: [{ type: "maxTimes", times: 1 }]
    }
  ],
  metrics: { dispatch: ["dispatch"], response: ["contact", "reply"], close: ["close"], rating: ["rate"] },
  sources: [
    {
      title: "山东省政务服务热线管理办法",
      note: "5 working days; extension ≤ 10 working days; return within 2 (unverified)"
    },
    { title: "北京市接诉即办工作条例（2021-09-24）", note: "响应率、解决率、满意率" }
  ]
}

/**
 * The shipped workflow templates, as data: `fiveOrder` (五单式), `fourLevelEscalation` (四级联动),
 * `whistleSummons` (吹哨报到), `procurement` (群众点单、社会组织接单、政府买单、第三方验单) and
 * `hotline12345` (12345 热线). Copy and edit one to change a rule; pass it to
 * {@link createWorkflow}.
 *
 * @example
 * ```ts
 * import { workflowTemplates } from "@jiceng/governance-model"
 * Object.keys(workflowTemplates) //=> ["fiveOrder", "fourLevelEscalation", "whistleSummons", "procurement", "hotline12345"]
 * workflowTemplates.whistleSummons.states[1]?.deadline?.limit //=> { minutes: 30 }
 * ```
 * @since 0.1.0
 * @category workflows
 */
export const workflowTemplates = {
  fiveOrder,
  fourLevelEscalation,
  whistleSummons,
  procurement,
  hotline12345
} as const satisfies Record<string, WorkflowTemplate>
