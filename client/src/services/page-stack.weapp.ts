/** WeChat's page stack is the client's own: its back gesture cannot race a page that is opening. */
export function keepPageStackInStep(): void {}
