/// <reference path="../pb_data/types.d.ts" />
// Numbers for hosts over a period of venue days (pb_hooks/lib/insights.js): the /host/insights
// screen reads them; hosts (and operators) only.
routerAdd(
  "GET",
  "/api/coffice/insights",
  (e) => {
    require(`${__hooks}/lib/http.js`).requireHost(e, "Only hosts can see the venue's numbers.");
    const { insights, periodProblem } = require(`${__hooks}/lib/insights.js`);
    const from = e.request.url.query().get("from");
    const to = e.request.url.query().get("to");
    const problem = periodProblem(from, to);
    if (problem) throw new BadRequestError(problem);
    return e.json(200, insights(e.app, from, to, Date.now()));
  },
  $apis.requireAuth(),
);
