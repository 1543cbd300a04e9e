import { ArxivClient } from '../arxiv/client';
import { storageSpacing } from '../arxiv/spacing-store';
import { getDb } from '../db/app-db';
import { requestRanking } from '../ranking/ranking-job';
import { createCheckEngine, type CheckEngine } from './coordinator';

let client: ArxivClient | undefined;
let engine: CheckEngine | undefined;

/** The worker's single arXiv client: every request of the extension goes through its queue. */
export function getClient(): ArxivClient {
  client ??= new ArxivClient({ spacing: storageSpacing });
  return client;
}

/** The worker's check engine (created on first use, never at import time). */
export function getEngine(): CheckEngine {
  engine ??= createCheckEngine({ db: getDb, client: getClient, afterChecks: requestRanking });
  return engine;
}
