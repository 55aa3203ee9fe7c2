/** Channels of the head-office dashboard (filled in by the head-office work). */
export const headOfficeContract = {} as const;
