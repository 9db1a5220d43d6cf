/// <reference path="../pb_data/types.d.ts" />
// "Here today" changed: told by saving one record that members' and hosts' open /community
// pages follow with PocketBase's realtime, not by a message a hook sends itself. A hook's
// `client.send` waits until that client's stream takes the message, and a page whose
// connection stopped reading (a phone frozen in a pocket, gone from the wifi) never takes it:
// the scan or upload that sent it hung with it, each next one too (docs/DECISIONS.md "Live
// here today"). PocketBase sends its record events from goroutines of their own.
// - here_signals: one record (HERE_SIGNAL_ID), no data but its times; read by members and
//   hosts (the rule is checked for each open stream when it changes); written by the server only.
const HERE_SIGNAL_ID = "heretodaysignal";

migrate(
  (app) => {
    const MEMBER_OR_HOST = "(@request.auth.role = 'member' || @request.auth.role = 'host')";
    const signals = new Collection({
      type: "base",
      name: "here_signals",
      listRule: MEMBER_OR_HOST,
      viewRule: MEMBER_OR_HOST,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: "created", type: "autodate", onCreate: true, onUpdate: false },
        { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
      ],
    });
    app.save(signals);
    const signal = new Record(signals);
    signal.set("id", HERE_SIGNAL_ID);
    app.save(signal);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("here_signals"));
  },
);
