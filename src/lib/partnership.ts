import { loadYamlFile } from './load-yaml.ts';
import { PATHS } from './paths.ts';
import { PartnershipSchema, type Partnership } from './schemas/partnership.ts';

const cache = new Map<string, Partnership>();

/** The partnership configuration (data/partnership.yaml), validated; throws listing every problem. */
export function loadPartnership(root = process.cwd()): Partnership {
  let cfg = cache.get(root);
  if (!cfg) {
    cfg = loadYamlFile(root, PATHS.partnership, PartnershipSchema);
    cache.set(root, cfg);
  }
  return cfg;
}

/** Grade ids that count as Good or better, in scale order. */
export function goodOrBetterIds(cfg: Partnership): string[] {
  return cfg.grades.filter((g) => g.goodOrBetter).map((g) => g.id);
}

/** "Outstanding or Good" from the configured scale. */
export function goodOrBetterLabel(cfg: Partnership): string {
  const names = cfg.grades.filter((g) => g.goodOrBetter).map((g) => g.name);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
