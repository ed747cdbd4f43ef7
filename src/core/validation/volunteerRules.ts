/**
 * The volunteer register: duplicates, what an active volunteer must have on record (consent,
 * confidentiality declaration, police certificate where required), and personal data kept past
 * the retention period.
 */
import { asNumber, asText, isBlank } from '../model/cellValues';
import { addMonths } from '../model/dates';
import type { RegisterRow } from '../model/registerRows';
import { personalDataBasisKey } from '../model/settingsModel';
import { policeRequirement } from '../model/legalBasis';
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
  const requirement = policeRequirement(ctx.data, row, itemLabel('agreementStatuses', 'active', ctx.lang));
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

  // A consent date documents consent; under another legal basis there is no consent to date (legal.json gdpr-6-consent).
  if (personalDataBasisKey(ctx.data.settings) === 'consent' && missing('consentDate')) at('volunteers.consentDate.missing', 'consentDate');
  if (missing('confidentialityDate')) at('volunteers.confidentialityDate.missing', 'confidentialityDate');
  policeRules(ctx, row, policeActivities);
  const end = asNumber(row.values.end);
  if (end !== null && end < ctx.today) at('volunteers.status.activeAfterEnd', 'status', { end: formatDay(end, ctx.lang) });
}

/** Ended or paused: the personal data may be kept for the retention period after the last activity. */
function inactiveRules(ctx: RuleContext, row: RegisterRow, ended: boolean): void {
  const volunteers = ctx.data.registers.volunteers;
  const end = asNumber(row.values.end);
  if (ended && end === null && hasColumn(volunteers, 'end')) ctx.issues.atCell('volunteers.end.missing', volunteers, row.rowNumber, 'end');
  const lastHours = ctx.facts.lastHoursById.get(textKey(row.values.id));
  const last = Math.max(end ?? -Infinity, lastHours ?? -Infinity);
  if (last === -Infinity) return;
  const months = ctx.data.settings.retentionMonths;
  const deleteAfter = addMonths(Math.floor(last), months);
  if (deleteAfter < ctx.today) {
    ctx.issues.atCell('volunteers.retention.expired', volunteers, row.rowNumber, 'name', { last: formatDay(last, ctx.lang), months });
  }
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
  const policeActivities = new Set(ctx.data.settings.policeActivities.map(foldText));

  for (const row of volunteers.rows) {
    const start = asNumber(row.values.start);
    const end = asNumber(row.values.end);
    if (start !== null && end !== null && end < start) {
      ctx.issues.atCell('volunteers.end.beforeStart', volunteers, row.rowNumber, 'end', { start: formatDay(start, ctx.lang), end: formatDay(end, ctx.lang) });
    }
    const status = textKey(row.values.status);
    if (status === statuses.active) activeRules(ctx, row, policeActivities);
    else if (status === statuses.ended || status === statuses.paused) inactiveRules(ctx, row, status === statuses.ended);
  }
}
