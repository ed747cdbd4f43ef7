/** Writing new workbooks from a plan, with exceljs. Never part of the task pane's first load. */
export { renderPlan, writePlanToBuffer, XlsxPlanWriter } from './planWriter';
