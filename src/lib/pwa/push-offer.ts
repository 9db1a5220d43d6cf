// The offer to turn on notifications after a registration is made once per device.
export const PUSH_OFFERED = 'coffice:push-offered';
