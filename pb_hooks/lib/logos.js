// Company logos: PocketBase already refuses content that is not PNG, JPEG or WebP (it
// sniffs the bytes) and files over 1 MB. This also refuses a file whose name claims another
// type (logo.svg or logo.html carrying image bytes), since files are served by their name.
const ALLOWED_NAME = /\.(png|jpe?g|webp)$/i;

function refuseDisguisedLogos(record) {
  record.getUnsavedFiles("logo").forEach((file) => {
    if (file && !ALLOWED_NAME.test(file.originalName)) {
      const message = "The logo must be a PNG, JPEG or WebP image.";
      throw new BadRequestError(message, { logo: new ValidationError("validation_invalid_mime_type", message) });
    }
  });
}

module.exports = { refuseDisguisedLogos };
