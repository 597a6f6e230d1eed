/** Request paths the mock backend answers; a host passes everything else on (to Vite, WTR, the network). */
export const MOCK_PATHS = /^\/(chat|config|history\/|v1\/|health|api\/v1\/gateway\/|__mock\/)/;
