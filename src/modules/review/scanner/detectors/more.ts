// The detectors besides ID numbers and phones, in the order they run.
import { detectAddresses, detectEmails, detectPlates } from './contact-places.ts';
import type { Detector } from './hit.ts';
import { detectBankCards, detectIndividualUscc, detectTravelDocuments } from './identifiers.ts';
import { detectSecretMarkings } from './markings.ts';

export const DETECTORS_MORE: readonly Detector[] = [
  detectSecretMarkings,
  detectBankCards,
  detectTravelDocuments,
  detectIndividualUscc,
  detectEmails,
  detectPlates,
  detectAddresses,
];
