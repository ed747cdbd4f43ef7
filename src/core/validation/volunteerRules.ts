/**
 * The volunteer register: duplicates, what an active volunteer on assignment must have on record
 * (consent, confidentiality declaration, police certificate where required; informal helpers are
 * not asked, see model/assignmentDuties.ts), and personal data kept past the retention period.
 */
import { asNumber, asText, isBlank } from '../model/cellValues';
import { addMonths } from '../model/dates';
import { isDueForDeletion, lastActivity, lastHoursByVolunteer } from '../model/retention';
import type { RegisterRow } from '../model/registerRows';
import { personalDataBasisKey } from '../model/settingsModel';
import { policeRequirement } from '../model/legalBasis';
import { hasAssignmentDuties } from '../model/assignmentDuties';
import { itemLabel } from '../content/content';
import { phoneKey } from './contactFormats';
import { formatDay } from './messages';
import { reportDuplicates } from './duplicates';
import { foldText, hasColumn, labelKey, textKey, type RuleContext } from './ruleContext';

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

/** The police certificate of an active volunteer, by the legal basis of the assignment (templates/legal.json hol-5-4, police-certificate-age). */
function policeRules(ctx: RuleContext, row: RegisterRow, policeActivities: Set<string>): void {
  const volunteers = ctx.data.registers.volunteers;
  const at = (ruleId: string, column: string, values = {}) => ctx.issues.atCell(ruleId, volunteers, row.rowNumber, column, values);
  // The assignment's own basis, else the partner's agreements active today (activeRule.ts), as the register's formula and the summary have it.
  const requirement = policeRequirement(ctx.data, row, ctx.today);
  const shown = asNumber(row.values.policeCertificateDate);
  if (requirement.required && shown === null && hasColumn(volunteers, 'policeCertificateDate')) {
    const basis = requirement.basis ? itemLabel('policeBases', requirement.basis, ctx.lang) : '';
    if (requirement.from === 'assignment') at('volunteers.policeCertificate.missingForBasis', 'policeCertificateDate', { basis });
    else at('volunteers.policeCertificate.missingForAgreement', 'policeCertificateDate', { partner: asText(row.values.partner) });
  }
  if (!requirement.required && requirement.from === null && hasColumn(volunteers, 'policeBasis')) {
    // The activity only suggests; the municipality decides the basis of the assignment.
    const activity = textKey(row.values.activity);
    if (activity !== '' && policeActivities.has(activity)) at('volunteers.policeBasis.suggested', 'policeBasis', { activity: asText(row.values.activity) });
  }
  const issued = asNumber(row.values.policeCertificateIssued);
  if (shown !== null && issued !== null && addMonths(Math.floor(issued), 3) < Math.floor(shown)) {
    at('volunteers.policeCertificate.tooOld', 'policeCertificateIssued', { issued: formatDay(issued, ctx.lang), shown: formatDay(shown, ctx.lang) });
  }
  if (shown !== null && hasColumn(volunteers, 'policeCertificateShownBy') && isBlank(row.values.policeCertificateShownBy)) {
    at('volunteers.policeCertificate.shownByMissing', 'policeCertificateShownBy');
  }
}

function activeRules(ctx: RuleContext, row: RegisterRow, policeActivities: Set<string>): void {
  const volunteers = ctx.data.registers.volunteers;
  const at = (ruleId: string, column: string, values = {}) => ctx.issues.atCell(ruleId, volunteers, row.rowNumber, column, values);
  const missing = (column: string) => hasColumn(volunteers, column) && isBlank(row.values[column]);

  const end = asNumber(row.values.end);
  if (end !== null && end < ctx.today) at('volunteers.status.activeAfterEnd', 'status', { end: formatDay(end, ctx.lang) });
  const start = asNumber(row.values.start);
  if (start !== null && start > ctx.today) at('volunteers.status.activeBeforeStart', 'status', { start: formatDay(start, ctx.lang) });
  // An informal helper is registered, if at all, without what is asked of a volunteer on assignment.
  if (!hasAssignmentDuties(row.values.affiliation)) return;
  // A consent date documents consent; under another legal basis there is no consent to date (legal.json gdpr-6-consent).
  if (personalDataBasisKey(ctx.data.settings, ctx.lang) === 'consent' && missing('consentDate')) at('volunteers.consentDate.missing', 'consentDate');
  if (missing('confidentialityDate')) at('volunteers.confidentialityDate.missing', 'confidentialityDate');
  policeRules(ctx, row, policeActivities);
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
      activeRules(ctx, row, policeActivities);
      // Marked active past its end date: ended, as the summary counts it.
      retentionRule(ctx, row, lastHours);
    } else if (status === statuses.ended || status === statuses.paused) inactiveRules(ctx, row, status === statuses.ended, lastHours);
  }
}
