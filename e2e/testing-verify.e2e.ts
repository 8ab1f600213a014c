import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiGet, apiLogin, screenshot, useE2E, type ApiPage } from "./harness";

interface Report {
  id: string;
  reportNo: string;
  verifyCode: string;
  verifyPath: string;
}

async function post<T>(page: Page, url: string, path: string, data: unknown, status: number): Promise<T> {
  const res = await page.request.post(`${url}/api/v1${path}`, { data });
  expect(res.status(), `POST ${path}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

/**
 * A report issued through the API as the admin (who may both commission and report): an agency filed for a
 * testing enterprise of the demo city, a concrete commission on a 在建 project, a passing result, the report.
 */
async function issueReport(page: Page, url: string): Promise<{ report: Report; projectName: string }> {
  const projects = await apiGet<ApiPage<{ id: string; name: string }>>(page, url, "/projects?status=in_progress&pageSize=1");
  const project = projects.items[0];
  if (!project) throw new Error("the demo city has no project under construction");
  const agencies = await apiGet<ApiPage<{ id: string }>>(page, url, "/enterprises?type=testing&status=normal&pageSize=1");
  const agencyId = agencies.items[0]?.id;
  if (!agencyId) throw new Error("the demo city has no testing enterprise");
  const stamp = Date.now().toString(36).toUpperCase();
  await post(page, url, "/testing/agencies", { enterpriseId: agencyId, qualificationNo: `E2E-${stamp}`, level: "comprehensive", scopes: ["concrete", "rebar"], validTo: "2099-12-31" }, 200);
  const commission = await post<{ id: string }>(page, url, `/projects/${project.id}/testing/commissions`, {
    agencyId,
    sampleType: "concrete",
    strengthClass: "C30",
    lotNo: `E2E-${stamp}`,
    part: "E2E 3F 柱",
    specimenCount: 3,
    witnessed: false,
  }, 201);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const result = await post<{ id: string; pass: boolean }>(page, url, `/testing/commissions/${commission.id}/results`, { testedOn: today, values: [[38.2, 39.5, 40.1]] }, 201);
  expect(result.pass).toBe(true);
  const report = await post<Report>(page, url, `/testing/results/${result.id}/report`, { signers: { tester: "陈检", reviewer: "周审", approver: "胡批" } }, 201);
  return { report, projectName: project.name };
}

describe("public test-report verification", () => {
  const e2e = useE2E();

  it("shows a genuine report's key data without a login, and says an unknown code is not genuine", async () => {
    const admin = await e2e.newPage();
    await apiLogin(admin.context(), e2e.url);
    const { report, projectName } = await issueReport(admin, e2e.url);
    expect(report.verifyPath).toBe(`/verify/report/${report.verifyCode}`);

    // Anyone with a phone: a fresh context without a session, phone-sized.
    const visitor = await e2e.newPage();
    await visitor.setViewportSize({ width: 390, height: 844 });
    await visitor.goto(`${e2e.url}${report.verifyPath}`);
    await visitor.getByText("真实有效").waitFor();
    expect(new URL(visitor.url()).pathname).toBe(report.verifyPath);
    await visitor.getByText(report.reportNo).waitFor();
    await visitor.getByText(projectName).waitFor();
    await visitor.getByText("合格", { exact: true }).waitFor();
    await visitor.getByText("签发后无变更").waitFor();
    await screenshot(visitor, "testing-verify-genuine");

    // A revision after issue shows on the public page with its reason.
    const res = await admin.request.patch(`${e2e.url}/api/v1/testing/reports/${report.id}`, { data: { signers: { tester: "陈检", reviewer: "周审", approver: "徐批" }, reason: "批准人变更" } });
    expect(res.status(), await res.text()).toBe(200);
    await visitor.reload();
    await visitor.getByText("批准人变更").waitFor();

    await visitor.goto(`${e2e.url}/verify/report/FAKECODE0000`);
    await visitor.getByText("未找到该报告").waitFor();
    expect(await visitor.getByText("真实有效").count()).toBe(0);
    await screenshot(visitor, "testing-verify-unknown");
  });
});
