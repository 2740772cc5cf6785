// Placeholder until this benchmark section lands.
import type { Section } from './lib';

export async function run(): Promise<Section[]> {
  return [];
}
