// Uploaded images: company logos and personal photos (users.avatar). PocketBase already
// refuses content that is not PNG, JPEG or WebP (it sniffs the bytes) and files over the
// field's size. This also refuses
// - a file whose name claims another type (logo.svg or logo.html carrying image bytes),
//   since files are served by their name;
// - an image of more than 25 megapixels, read from its header (lib/image-size.js): a
//   small file can claim 10000 × 10000 pixels, and PocketBase holds them all in memory
//   when it makes a thumb.
const { imageSize } = require(`${__hooks}/lib/image-size.js`);

const ALLOWED_NAME = /\.(png|jpe?g|webp)$/i;
const MAX_PIXELS = 25 * 1000 * 1000;
const WHAT = { logo: "The logo", avatar: "The photo" };

function refuse(field, code, message) {
  const errors = {};
  errors[field] = new ValidationError(code, message);
  throw new BadRequestError(message, errors);
}

function sizeOf(file) {
  const reader = file.reader.open();
  try {
    return imageSize((offset, length) => {
      reader.seek(offset, 0);
      return toBytes(reader, length);
    });
  } finally {
    reader.close();
  }
}

/** Throws a 400 with a field code for the first new file of `field` that is refused. */
function checkUploadedImages(record, field) {
  const what = WHAT[field] || "The image";
  record.getUnsavedFiles(field).forEach((file) => {
    if (!file) return;
    if (!ALLOWED_NAME.test(file.originalName)) {
      refuse(field, "validation_invalid_mime_type", what + " must be a PNG, JPEG or WebP image.");
    }
    const size = sizeOf(file);
    if (!size) return; // not an image at all: PocketBase's own type check refuses it
    if (!size.width || !size.height) {
      refuse(field, "image_unreadable", what + " cannot be read as an image. Save it again as PNG, JPEG or WebP.");
    }
    if (size.width * size.height > MAX_PIXELS) {
      refuse(
        field,
        "image_too_many_pixels",
        what + " is " + size.width + " × " + size.height + " pixels: at most 25 megapixels (for example 5000 × 5000).",
      );
    }
  });
}

module.exports = { checkUploadedImages, MAX_PIXELS };
