/**
 * The volunteer register: duplicates, what an active volunteer on assignment must have on record
 * (consent, confidentiality declaration, police certificate where required; informal helpers are
 * not asked, see model/assignmentDuties.ts), and personal data kept past the retention period.
 */
import { asNumber, asText, isBlank } from '../model/cellValues';
import { isActiveOn } from '../model/activeRule';
import { isDueForDeletion, lastActivity, lastHoursByVolunteer } from '../model/retention';
import type { RegisterRow } from '../model/registerRows';
import { isYes } from '../model/settingsModel';
import { hasAssignmentDuties } from '../model/assignmentDuties';
import { phoneKey } from './contactFormats';
import { formatDay } from './messages';
import { reportDuplicates } from './duplicates';
import { foldText, hasColumn, labelKey, textKey, type RuleContext } from './ruleContext';

/**
 * Partners with an agreement that requires a police certificate and is active today, by the rule
 * the summary and the register's "police certificate required" formula use (activeRule.ts).
 */
function partnersRequiringPolice(ctx: RuleContext): Set<string> {
  const partners = new Set<string>();
  for (const a of ctx.data.registers.agreements.rows) {
    if (isActiveOn(a, 'agreements', ctx.lang, ctx.today) && isYes(a.values.requiresPoliceCertificate)) partners.add(textKey(a.values.partner));
  }
  partners.delete('');
  return partners;
}

/** A person is the same when the name matches and so does the phone number or the email. */
function reportSamePerson(ctx: RuleContext): void {
  const volunteers = ctx.data.registers.volunteers;
  const first = new Map<string, number>();
  for (const row of volunteers.rows) {
    const name = textKey(row.values.name).replace(/\s+/g, ' ');
    if (name === '') continue;
    const phone = phoneKey(asText(row.values.phone));
    const email = textKey(row.values.email);
    const keys = [phone ? `${name}\u0000p${phone}` : null, email ? `${name}\u0000e${email}` : null];
    let firstRow: number | undefined;
    for (const key of keys) {
      if (key === null) continue;
      firstRow ??= first.get(key);
      if (!first.has(key)) first.set(key, row.rowNumber);
    }
    if (firstRow !== undefined) ctx.issues.atCell('volunteers.name.duplicate', volunteers, row.rowNumber, 'name', { first: firstRow });
  }
}

function activeRules(ctx: RuleContext, row: RegisterRow, policePartners: Set<string>, policeActivities: Set<string>): void {
  const volunteers = ctx.data.registers.volunteers;
  const at = (ruleId: string, column: string, values = {}) => ctx.issues.atCell(ruleId, volunteers, row.rowNumber, column, values);
  const missing = (column: string) => hasColumn(volunteers, column) && isBlank(row.values[column]);

  const end = asNumber(row.values.end);
  if (end !== null && end < ctx.today) at('volunteers.status.activeAfterEnd', 'status', { end: formatDay(end, ctx.lang) });
  const start = asNumber(row.values.start);
  if (start !== null && start > ctx.today) at('volunteers.status.activeBeforeStart', 'status', { start: formatDay(start, ctx.lang) });
  // An informal helper is registered, if at all, without what is asked of a volunteer on assignment.
  if (!hasAssignmentDuties(row.values.affiliation)) return;
  if (missing('consentDate')) at('volunteers.consentDate.missing', 'consentDate');
  if (missing('confidentialityDate')) at('volunteers.confidentialityDate.missing', 'confidentialityDate');
  if (missing('policeCertificateDate')) {
    const activity = textKey(row.values.activity);
    const partner = textKey(row.values.partner);
    if (activity !== '' && policeActivities.has(activity)) {
      at('volunteers.policeCertificate.missingForActivity', 'policeCertificateDate', { activity: asText(row.values.activity) });
    } else if (partner !== '' && policePartners.has(partner)) {
      at('volunteers.policeCertificate.missingForAgreement', 'policeCertificateDate', { partner: asText(row.values.partner) });
    }
  }
}

/** Ended or paused: whether the end date is on record, and whether the data is due for deletion (retention.ts, as the summary counts it). */
function inactiveRules(ctx: RuleContext, row: RegisterRow, ended: boolean, lastHours: Map<string, number>): void {
  const volunteers = ctx.data.registers.volunteers;
  if (ended && asNumber(row.values.end) === null && hasColumn(volunteers, 'end')) ctx.issues.atCell('volunteers.end.missing', volunteers, row.rowNumber, 'end');
  retentionRule(ctx, row, lastHours);
}

function retentionRule(ctx: RuleContext, row: RegisterRow, lastHours: Map<string, number>): void {
  const months = ctx.data.settings.retentionMonths;
  if (!isDueForDeletion(row, ctx.lang, ctx.today, months, lastHours)) return;
  const last = lastActivity(row, lastHours)!;
  ctx.issues.atCell('volunteers.retention.expired', ctx.data.registers.volunteers, row.rowNumber, 'name', { last: formatDay(last, ctx.lang), months });
}

export function volunteerRules(ctx: RuleContext): void {
  const volunteers = ctx.data.registers.volunteers;
  if (volunteers.rows.length === 0) return;
  reportDuplicates(ctx, volunteers, 'id', 'volunteers.id.duplicate', (r) => textKey(r.values.id));
  reportSamePerson(ctx);
  const statuses = {
    active: labelKey('volunteerStatuses', 'active', ctx.lang),
    paused: labelKey('volunteerStatuses', 'paused', ctx.lang),
    ended: labelKey('volunteerStatuses', 'ended', ctx.lang),
  };
  const policePartners = partnersRequiringPolice(ctx);
  const lastHours = lastHoursByVolunteer(ctx.data.registers.hours.rows);
  const policeActivities = new Set(ctx.data.settings.policeActivities.map(foldText));

  for (const row of volunteers.rows) {
    const start = asNumber(row.values.start);
    const end = asNumber(row.values.end);
    if (start !== null && end !== null && end < start) {
      ctx.issues.atCell('volunteers.end.beforeStart', volunteers, row.rowNumber, 'end', { start: formatDay(start, ctx.lang), end: formatDay(end, ctx.lang) });
    }
    const status = textKey(row.values.status);
    if (status === statuses.active) {
      activeRules(ctx, row, policePartners, policeActivities);
      // Marked active past its end date: ended, as the summary counts it.
      retentionRule(ctx, row, lastHours);
    } else if (status === statuses.ended || status === statuses.paused) inactiveRules(ctx, row, status === statuses.ended, lastHours);
  }
}
