// The shapes the template and quick-reply routes answer with (their presenters are the stores'
// presentTemplate and the quick replies' own): what the editor shows of a template, its variants'
// SMS figures, warnings and the safety hits a supervisor confirms before approving.
import { z } from 'zod';
import { OutreachLanguage } from '../domain/index.js';
import { SafetyHitView, SmsEncoding, TemplatePurpose, TemplateStatus } from '../views.js';

export const TemplateView = z.object({
  id: z.string(),
  name: z.string(),
  language: OutreachLanguage,
  purpose: TemplatePurpose,
  variants: z.array(
    z.object({
      text: z.string(),
      characters: z.number(),
      encoding: SmsEncoding,
      segments: z.number(),
    }),
  ),
  fallbacks: z.object({
    displayName: z.string().nullable().optional(),
    city: z.string().nullable().optional(),
  }),
  whatsappTemplate: z.string().nullable(),
  status: TemplateStatus,
  safetyHits: z.array(SafetyHitView.extend({ variant: z.number() })),
  safetyConfirmedBy: z.string().nullable(),
  warnings: z.array(
    z.object({
      code: z.enum(['placeholder_mid_sentence', 'not_gsm', 'several_segments', 'single_variant']),
      message: z.string(),
      variant: z.number().nullable(),
    }),
  ),
  createdBy: z.string().nullable(),
  editedBy: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  retiredBy: z.string().nullable(),
  retiredAt: z.string().nullable(),
});

export const QuickReplyView = z.object({
  id: z.string(),
  language: z.string(),
  title: z.string(),
  text: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
