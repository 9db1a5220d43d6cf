// The two parts of html5-qrcode the door uses, from its own modules rather than its index:
// the index also brings Html5QrcodeScanner, a whole scanning UI (buttons, icons, saved
// settings) the door does not need. One module, so that the fallback loads as one chunk.
export { Html5Qrcode } from 'html5-qrcode/esm/html5-qrcode';
export { Html5QrcodeSupportedFormats } from 'html5-qrcode/esm/core';
