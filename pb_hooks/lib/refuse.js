// A refusal in PocketBase's own shape, `400 {message, data: {field: {code, message}}}`: apps
// word the code in the person's language (the codes are part of the API, docs/DECISIONS.md);
// the English message is for other clients. `params` (optional) carries numbers the words
// need, e.g. `{confirmed: 3}`, as `data.field.params`.
function refuse(field, code, message, params) {
  let error = new ValidationError(code, message);
  if (params) error = error.setParams(params);
  return new BadRequestError(message, { [field]: error });
}

module.exports = { refuse };
