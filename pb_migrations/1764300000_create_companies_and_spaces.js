/// <reference path="../pb_data/types.d.ts" />
// Companies (member firms) and spaces (rooms and areas): everyone reads, hosts write.
const HOST = "@request.auth.role = 'host'";

function timestamps() {
  return [
    { name: "created", type: "autodate", onCreate: true, onUpdate: false },
    { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
  ];
}

migrate(
  (app) => {
    const companies = new Collection({
      type: "base",
      name: "companies",
      listRule: "",
      viewRule: "",
      createRule: HOST,
      updateRule: HOST,
      deleteRule: HOST,
      fields: [
        { name: "name", type: "text", required: true, min: 1, max: 120, presentable: true },
        { name: "about", type: "text", max: 2000 },
        { name: "website", type: "url" },
        { name: "tags", type: "json", maxSize: 2000 },
        { name: "seat", type: "select", values: ["fixed", "flex"], maxSelect: 1, required: true },
        {
          name: "logo",
          type: "file",
          maxSelect: 1,
          maxSize: 1024 * 1024,
          mimeTypes: ["image/png", "image/jpeg", "image/webp"],
          thumbs: ["96x96", "256x256"],
        },
        ...timestamps(),
      ],
      indexes: ["CREATE UNIQUE INDEX idx_companies_name ON companies (name COLLATE NOCASE)"],
    });
    app.save(companies);

    const spaces = new Collection({
      type: "base",
      name: "spaces",
      listRule: "",
      viewRule: "",
      createRule: HOST,
      updateRule: HOST,
      deleteRule: HOST,
      fields: [
        { name: "name", type: "text", required: true, min: 1, max: 80, presentable: true },
        {
          name: "kind",
          type: "select",
          values: ["meeting_room", "event_area", "open_area"],
          maxSelect: 1,
          required: true,
        },
        { name: "capacity", type: "number", min: 0, max: 1000, onlyInt: true },
        { name: "bookable", type: "bool" },
        ...timestamps(),
      ],
      indexes: ["CREATE UNIQUE INDEX idx_spaces_name ON spaces (name COLLATE NOCASE)"],
    });
    app.save(spaces);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("spaces"));
    app.delete(app.findCollectionByNameOrId("companies"));
  },
);
