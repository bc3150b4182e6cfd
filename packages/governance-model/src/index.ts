/**
 * `@jiceng/governance-model` — territory, party and committee hierarchies, grid partitioning,
 * service-request workflows with deadlines, and deliberation routes.
 *
 * @since 0.1.0
 * @module
 */
export { chinaHolidayNotices } from "./chinaHolidays.ts"
export { IllegalTransitionError, InfeasibleBandError } from "./errors.ts"
export { type EscalationLevel, escalateFrom, escalationLevels } from "./escalation.ts"
export { GenerateDistrictOptions, generateDistrict } from "./generateDistrict.ts"
export { type GridMetrics, GridMetricsOptions, GridPlanInput, gridMetrics } from "./gridMetrics.ts"
export { LocalDateTime } from "./LocalDateTime.ts"
export {
  Adjacency,
  Building,
  type Grid,
  type GridPlan,
  PartitionGridsOptions,
  partitionGrids
} from "./partitionGrids.ts"
export {
  type DurationStats,
  type Rate,
  type ServiceMetrics,
  ServiceMetricsOptions,
  serviceMetrics
} from "./serviceMetrics.ts"
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
