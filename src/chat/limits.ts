/** Longest question the API accepts (001). */
export const MAX_QUESTION = 500;
