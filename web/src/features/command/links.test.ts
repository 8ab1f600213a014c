import { describe, expect, it } from "vitest";
import { pageOfApiLink } from "./links";

describe("pageOfApiLink", () => {
  it("maps an API list to its console page, repeated keys joined as the list pages keep them", () => {
    expect(pageOfApiLink("/api/v1/cases?state=pending&state=rectifying&state=review")).toBe("/cases?state=pending%2Crectifying%2Creview");
    expect(pageOfApiLink("/api/v1/alarms?status=active_unack&status=active_ack&severity=critical")).toBe("/iot/alarms?status=active_unack%2Cactive_ack&severity=critical");
    expect(pageOfApiLink("/api/v1/projects")).toBe("/projects");
    expect(pageOfApiLink("/api/v1/gas/leaks?state=suspect&state=confirmed")).toBe("/gas/leaks?state=suspect%2Cconfirmed");
    expect(pageOfApiLink("/api/v1/risk/projects?level=high")).toBe("/risk?level=high");
  });

  it("has no page for a list the console does not show", () => {
    expect(pageOfApiLink("/api/v1/gas/fill-checks?allowed=false")).toBeNull();
    expect(pageOfApiLink(null)).toBeNull();
  });
});
