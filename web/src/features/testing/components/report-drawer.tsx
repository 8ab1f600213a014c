import { useState } from "react";
import { FilePdfOutlined } from "@ant-design/icons";
import { App, Button, Descriptions, Drawer, Form, Image, Input, Modal, Select, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { CONCLUSION_LABELS, type Conclusion } from "@contracts/testing/enums";
import type { Signers } from "@contracts/testing/result";
import { apiUrl } from "../../../api/client";
import { useCan } from "../../../auth/use-can";
import { showSaveError } from "../../../components/form-utils";
import { formatDateTime } from "../../../components/format";
import { useLabels } from "../../../i18n/labels";
import { useIssueReport, useReport, useReviseReport } from "../api";

function SignerFields() {
  const { t } = useTranslation();
  const required = [{ required: true, message: t("common.required") }];
  return (
    <>
      <Form.Item name={["signers", "tester"]} label={t("testing.tester")} rules={required}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name={["signers", "reviewer"]} label={t("testing.reviewer")} rules={required}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name={["signers", "approver"]} label={t("testing.approver")} rules={required}>
        <Input maxLength={40} />
      </Form.Item>
    </>
  );
}

/** 出具报告: the three signers (57号令); the number and the verify code come from the server. */
export function IssueReportModal({ resultId, onClose, onIssued }: { resultId: string; onClose: () => void; onIssued: (reportId: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ signers: Signers }>();
  const issue = useIssueReport(resultId);
  const onOk = async () => {
    const v = await form.validateFields();
    try {
      const r = await issue.mutateAsync(v);
      onIssued(r.id);
    } catch (e) {
      showSaveError(form, e, ["signers"], message);
    }
  };
  return (
    <Modal open title={t("testing.issueReport")} okText={t("common.confirm")} okButtonProps={{ loading: issue.isPending }} onOk={() => void onOk()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical">
        <SignerFields />
      </Form>
    </Modal>
  );
}

/** 修订报告: what changes and why; the public page shows every revision. */
function ReviseModal({ reportId, current, onClose }: { reportId: string; current: { conclusion: Conclusion; signers: Signers }; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useLabels();
  const [form] = Form.useForm<{ conclusion: Conclusion; signers: Signers; reason: string }>();
  const revise = useReviseReport(reportId);
  const onOk = async () => {
    const v = await form.validateFields();
    try {
      await revise.mutateAsync(v);
      message.success(t("common.saved"));
      onClose();
    } catch (e) {
      showSaveError(form, e, ["conclusion", "signers", "reason"], message);
    }
  };
  return (
    <Modal open title={t("testing.reviseReport")} okText={t("common.save")} okButtonProps={{ loading: revise.isPending }} onOk={() => void onOk()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={current}>
        <Form.Item name="conclusion" label={t("testing.conclusion")}>
          <Select options={options(CONCLUSION_LABELS)} />
        </Form.Item>
        <SignerFields />
        <Form.Item name="reason" label={t("testing.reason")} rules={[{ required: true, min: 2, message: t("common.required") }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A report: number, conclusion, signers, the anti-forgery QR with its verify link, and the revisions. */
export function ReportDrawer({ reportId, onClose }: { reportId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const can = useCan();
  const report = useReport(reportId);
  const [revising, setRevising] = useState(false);
  const r = report.data;
  return (
    <Drawer open={!!reportId} width={520} title={r ? `${t("testing.report")} ${r.reportNo}` : t("testing.report")} onClose={onClose} destroyOnHidden>
      {r && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t("testing.reportNo")}>{r.reportNo}</Descriptions.Item>
            <Descriptions.Item label={t("testing.conclusion")}>
              <Typography.Text type={r.conclusion === "pass" ? "success" : "danger"}>{label(CONCLUSION_LABELS, r.conclusion)}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("testing.tester")}>{r.signers.tester}</Descriptions.Item>
            <Descriptions.Item label={t("testing.reviewer")}>{r.signers.reviewer}</Descriptions.Item>
            <Descriptions.Item label={t("testing.approver")}>{r.signers.approver}</Descriptions.Item>
            <Descriptions.Item label={t("testing.verify.issuedAt")}>{formatDateTime(r.issuedAt)}</Descriptions.Item>
            <Descriptions.Item label={t("testing.revision")}>{r.revision}</Descriptions.Item>
            <Descriptions.Item label={t("testing.verify.code")}>
              <Typography.Text copyable code>
                {r.verifyCode}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <div style={{ textAlign: "center", margin: "16px 0" }}>
            <Image width={180} src={apiUrl(`/testing/reports/${r.id}/qr.png`)} alt={t("testing.qr")} preview={false} />
            <div>
              <a href={r.verifyPath} target="_blank" rel="noreferrer">
                {t("testing.verifyLink")}
              </a>
            </div>
          </div>
          <Typography.Title level={5}>{t("testing.revisions")}</Typography.Title>
          {r.revisions.length === 0 ? (
            <Typography.Text type="secondary">{t("testing.verify.noHistory")}</Typography.Text>
          ) : (
            <Timeline items={r.revisions.map((v) => ({ content: `${formatDateTime(v.at)} · ${t("testing.verify.revisedTo", { n: v.revision })} · ${v.by}：${v.reason}` }))} />
          )}
          <Button style={{ marginTop: 12, marginRight: 8 }} icon={<FilePdfOutlined />} href={apiUrl(`/testing/reports/${r.id}/report.pdf`)} target="_blank" rel="noopener">
            {t("testing.reportPdf")}
          </Button>
          {can("testing.report") && (
            <Button style={{ marginTop: 12 }} onClick={() => setRevising(true)}>
              {t("testing.reviseReport")}
            </Button>
          )}
          {revising && <ReviseModal reportId={r.id} current={{ conclusion: r.conclusion, signers: r.signers }} onClose={() => setRevising(false)} />}
        </>
      )}
    </Drawer>
  );
}
