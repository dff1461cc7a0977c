import { z } from 'zod';

/**
 * Groups of words that mean the same to a resident: colloquial words (五保户, 养老钱), official
 * terms and their English. Every term of a group finds what any other finds.
 */
export const synonymsSchema = z.array(z.array(z.string().trim().min(1)).min(2, 'a group needs at least two terms'));
export type Synonyms = z.infer<typeof synonymsSchema>;
