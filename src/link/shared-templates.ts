// What "a shared template" means, once, for the entity's features (which the score weighs) and for
// the Shared templates panel of the lead page: a text template that ads of at least one other
// entity also use. Both count an entity's ads the same way — its own ads on such a template —
// so the page can never say "0 ads with a shared template" beside a list of shared templates.

/** A template as linking keeps it: how many ads and entities use it, over all entities. */
export interface TemplateUse {
  adCount: number;
  entityCount: number;
}

export interface SharedTemplate {
  templateId: string;
  /** This entity's ads on the template. */
  ads: number;
  /** Other entities whose ads use it (≥ 1: otherwise it is not shared). */
  otherEntities: number;
  /** Ads on it over all entities. */
  totalAds: number;
}

export interface SharedTemplates {
  /** Shared templates, most of this entity's ads first. */
  templates: SharedTemplate[];
  /** This entity's ads on a shared template (the "Ads with a shared template" feature). */
  templateAds: number;
  /** Most other entities sharing one of its templates (the "Entities sharing a template" feature). */
  templateEntities: number;
}

/**
 * The shared templates of an entity, from the template of each of its ads (null: none) and what
 * linking knows of those templates. A template missing from `uses` counts as this entity's alone.
 */
export function sharedTemplatesOf(
  adTemplateIds: readonly (string | null)[],
  uses: ReadonlyMap<string, TemplateUse>,
): SharedTemplates {
  const adsOn = new Map<string, number>();
  for (const id of adTemplateIds) if (id) adsOn.set(id, (adsOn.get(id) ?? 0) + 1);
  const templates: SharedTemplate[] = [];
  for (const [templateId, ads] of adsOn) {
    const use = uses.get(templateId);
    const otherEntities = Math.max(0, (use?.entityCount ?? 1) - 1);
    if (otherEntities === 0) continue;
    templates.push({ templateId, ads, otherEntities, totalAds: Math.max(use?.adCount ?? 0, ads) });
  }
  templates.sort((a, b) => b.ads - a.ads || a.templateId.localeCompare(b.templateId));
  return {
    templates,
    templateAds: templates.reduce((n, t) => n + t.ads, 0),
    templateEntities: templates.reduce((n, t) => Math.max(n, t.otherEntities), 0),
  };
}
