/**
 * The partner catalogue: one row per organisation or group, since everything else refers to a
 * partner by its name.
 */
import { asText } from '../model/cellValues';
import { reportDuplicates } from './duplicates';
import { textKey, type RuleContext } from './ruleContext';

export function partnerRules(ctx: RuleContext): void {
  const partners = ctx.data.registers.partners;
  reportDuplicates(ctx, partners, 'name', 'partners.name.duplicate', (r) => textKey(r.values.name).replace(/\s+/g, ' '));
  reportDuplicates(ctx, partners, 'orgNumber', 'partners.orgNumber.duplicate', (r) => asText(r.values.orgNumber).replace(/\s/g, ''));
}
