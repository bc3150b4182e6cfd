/**
 * `@jiceng/governance-model` — territory, party and committee hierarchies, grid partitioning,
 * service-request workflows with deadlines, and deliberation routes.
 *
 * @since 0.1.0
 * @module
 */
export { chinaHolidayNotices } from "./chinaHolidays.ts"
export {
  ClassifyMatterOptions,
  classifyMatter,
  type JointProcedure,
  Matter,
  type MatterClassification,
  type MatterRoute
} from "./classifyMatter.ts"
export {
  checkDecision,
  DecisionPipeline,
  DecisionRecord,
  type DecisionStatus,
  decisionPipelines,
  minimumPostingDays
} from "./decisionPipeline.ts"
export { IllegalTransitionError, InfeasibleBandError, OrganisationError } from "./errors.ts"
export { type EscalationLevel, escalateFrom, escalationLevels } from "./escalation.ts"
export {
  evaluateSatisfaction,
  SatisfactionOptions,
  type SatisfactionResult,
  SatisfactionTally,
  satisfactionThresholdRules,
  satisfactionThresholdSource
} from "./evaluateSatisfaction.ts"
export { GenerateDistrictOptions, generateDistrict } from "./generateDistrict.ts"
export { type GridMetrics, GridMetricsOptions, GridPlanInput, gridMetrics } from "./gridMetrics.ts"
export { LocalDateTime } from "./LocalDateTime.ts"
export {
  GridLayer,
  type GridLayerMerge,
  type LayerOverlap,
  type LayerReport,
  MergeGridLayersOptions,
  mergeGridLayers
} from "./mergeGridLayers.ts"
export {
  Body,
  BodyKind,
  Membership,
  Organisation,
  OrganisationOptions,
  PartyOrg,
  PartyOrgKind,
  Person,
  TerritoryUnit,
  UnitKind,
  validateOrganisation
} from "./organisation.ts"
export { branchMinimumFullMembers, type CommitteeSize, committeeSizeRules } from "./organisationRules.ts"
export {
  Adjacency,
  Building,
  type Grid,
  type GridPlan,
  PartitionGridsOptions,
  partitionGrids
} from "./partitionGrids.ts"
export type { RuleBasis } from "./RuleBasis.ts"
export {
  type OrganisationRollup,
  type OrgTotals,
  rollupOrganisation,
  type UnitTotals
} from "./rollupOrganisation.ts"
export {
  CommunityProject,
  type ProjectSelection,
  SelectProjectsOptions,
  selectProjects
} from "./selectProjects.ts"
export {
  type DurationStats,
  type Rate,
  type ServiceMetrics,
  ServiceMetricsOptions,
  serviceMetrics
} from "./serviceMetrics.ts"
export { Open311Options, Open311RequestInfo, type Open311ServiceRequest, toOpen311 } from "./toOpen311.ts"
export { Consultation, type ConsultationStatus, trackConsultation } from "./trackConsultation.ts"
export {
  type AllowedEvent,
  type CaseState,
  createWorkflow,
  MetricsMapping,
  Satisfaction,
  type Workflow,
  WorkflowEvent,
  WorkflowGuard,
  WorkflowStateDef,
  WorkflowTemplate,
  WorkflowTransition
} from "./workflow.ts"
export { workflowTemplates } from "./workflowTemplates.ts"
export {
  type CalendarDay,
  civilCodePeriods,
  type Deadline,
  type DeadlineSignal,
  DeadlineSignalInput,
  HolidayNotice,
  HolidayPeriod,
  TimeLimit,
  type WorkingCalendar,
  WorkingCalendarOptions,
  workingCalendar
} from "./workingCalendar.ts"
