import { useState } from "react";
import { App, Button, Flex, Form, Input, Modal, Radio } from "antd";
import { CheckOutlined, CommentOutlined, EditOutlined, RollbackOutlined, StopOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { STOP_WORK_SCOPE_LABELS, type CaseAction, type CaseDetailDto, type StopWorkScope } from "@contracts/cases/cases";
import { useLabels } from "../../../i18n/labels";
import { useCaseCommand, type CaseCommand } from "../api";
import { PhotoInput } from "./photo-input";
import { errorText } from "../../../components/form-utils";

type Dialog = "accept" | "reply" | "pass" | "return" | "stop" | "resumeApply" | "deny" | "comment" | null;

interface DialogValues {
  note?: string;
  measures?: string;
  photoIds?: string[];
  reason?: string;
  scope?: StopWorkScope;
  report?: string;
  text?: string;
}

/**
 * The buttons of a case, exactly those its `actions` allow for the caller (the server decides from
 * permission, scope and state), each opening the dialog its input needs. 停工整改 asks once more before it
 * is sent, since it stops the whole site.
 */
export function CaseActions({ c }: { c: CaseDetailDto }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const { message, modal } = App.useApp();
  const cmd = useCaseCommand(c.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<DialogValues>();
  const allowed = new Set<CaseAction>(c.actions);

  const send = async (command: CaseCommand, done: string) => {
    try {
      await cmd.mutateAsync(command);
      message.success(done);
      setDialog(null);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const submit = async () => {
    const v = await form.validateFields();
    switch (dialog) {
      case "accept":
        return send({ action: "accept", input: v.note?.trim() ? { note: v.note.trim() } : {} }, t("cases.accepted"));
      case "reply":
        return send({ action: "reply", input: { measures: v.measures ?? "", photoIds: v.photoIds ?? [] } }, t("cases.replied"));
      case "pass":
        return send({ action: "recheck", input: { passed: true, reason: v.note?.trim() || undefined, photoIds: v.photoIds?.length ? v.photoIds : undefined } }, t("cases.rechecked"));
      case "return":
        return send({ action: "recheck", input: { passed: false, reason: v.reason ?? "", photoIds: v.photoIds?.length ? v.photoIds : undefined } }, t("cases.rechecked"));
      case "stop":
        modal.confirm({
          title: t("cases.stopWorkTitle"),
          content: t("cases.stopWorkConfirm"),
          okButtonProps: { danger: true },
          okText: t("cases.stopWorkTitle"),
          onOk: () => send({ action: "stop-work", input: { scope: v.scope ?? "partial", reason: v.reason ?? "" } }, t("cases.stopWorkDone")),
        });
        return;
      case "resumeApply":
        return send({ action: "resume-apply", input: { report: v.report ?? "", photoIds: v.photoIds?.length ? v.photoIds : undefined } }, t("cases.resumeApplied"));
      case "deny":
        return send({ action: "resume-decision", input: { approved: false, reason: v.reason ?? "" } }, t("cases.decided"));
      case "comment":
        return send({ action: "comment", input: { text: v.text ?? "" } }, t("cases.commented"));
    }
  };

  // The dialog's form is destroyed on close (preserve=false), so each opening starts empty.
  const open = (d: Dialog) => setDialog(d);
  const required = { required: true, whitespace: true, message: t("common.required") };
  const titles: Record<Exclude<Dialog, null>, string> = {
    accept: t("cases.acceptTitle"),
    reply: t("cases.replyTitle"),
    pass: t("cases.recheckPass"),
    return: t("cases.recheckFail"),
    stop: t("cases.stopWorkTitle"),
    resumeApply: t("cases.resumeApplyTitle"),
    deny: t("cases.deny"),
    comment: t("cases.commentTitle"),
  };

  if (!allowed.size) return null;
  return (
    <>
      <Flex wrap gap={8} data-testid="case-actions">
        {allowed.has("accept") && (
          <Button type="primary" size="large" icon={<CheckOutlined />} onClick={() => open("accept")}>
            {t("cases.acceptTitle")}
          </Button>
        )}
        {allowed.has("reply") && (
          <Button type="primary" size="large" icon={<EditOutlined />} onClick={() => open("reply")}>
            {t("cases.replyTitle")}
          </Button>
        )}
        {allowed.has("recheck") && (
          <>
            <Button type="primary" size="large" icon={<CheckOutlined />} style={{ background: "#389e0d" }} onClick={() => open("pass")}>
              {t("cases.recheckPass")}
            </Button>
            <Button danger size="large" icon={<RollbackOutlined />} onClick={() => open("return")}>
              {t("cases.recheckFail")}
            </Button>
          </>
        )}
        {allowed.has("resume_apply") && (
          <Button type="primary" size="large" onClick={() => open("resumeApply")}>
            {t("cases.resumeApplyTitle")}
          </Button>
        )}
        {allowed.has("resume_decision") && (
          <>
            <Button
              type="primary"
              size="large"
              loading={cmd.isPending}
              onClick={() =>
                modal.confirm({
                  title: t("cases.resumeDecisionTitle"),
                  content: t("cases.approve") + "？",
                  onOk: () => send({ action: "resume-decision", input: { approved: true } }, t("cases.decided")),
                })
              }
            >
              {t("cases.approve")}
            </Button>
            <Button danger size="large" onClick={() => open("deny")}>
              {t("cases.deny")}
            </Button>
          </>
        )}
        {allowed.has("stop_work") && (
          <Button danger size="large" icon={<StopOutlined />} onClick={() => open("stop")}>
            {t("cases.stopWorkTitle")}
          </Button>
        )}
        {allowed.has("comment") && (
          <Button size="large" icon={<CommentOutlined />} onClick={() => open("comment")}>
            {t("cases.commentTitle")}
          </Button>
        )}
      </Flex>
      <Modal
        open={dialog !== null}
        title={dialog ? titles[dialog] : ""}
        width={620}
        okText={dialog === "return" ? t("cases.recheckFail") : t("common.confirm")}
        okButtonProps={{ loading: cmd.isPending, danger: dialog === "return" || dialog === "stop" || dialog === "deny" }}
        onOk={() => void submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ scope: "partial", photoIds: [] }} preserve={false}>
          {dialog === "accept" && (
            <Form.Item name="note" label={t("cases.acceptNote")}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          )}
          {dialog === "reply" && (
            <>
              <Form.Item name="measures" label={t("cases.measures")} rules={[required]}>
                <Input.TextArea rows={4} maxLength={4000} showCount placeholder={t("cases.measuresPlaceholder")} />
              </Form.Item>
              <Form.Item name="photoIds" label={t("cases.replyPhotos")} rules={[{ validator: async (_r, v?: string[]) => { if (!v?.length) throw new Error(t("cases.photoRequired")); } }]}>
                <PhotoInput large />
              </Form.Item>
            </>
          )}
          {dialog === "pass" && (
            <>
              <Form.Item name="note" label={t("cases.recheckNote")}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Form.Item name="photoIds" label={t("cases.photos")}>
                <PhotoInput />
              </Form.Item>
            </>
          )}
          {dialog === "return" && (
            <>
              <Form.Item name="reason" label={t("cases.recheckReason")} rules={[{ ...required, message: t("cases.recheckReasonRequired") }]}>
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
              <Form.Item name="photoIds" label={t("cases.photos")}>
                <PhotoInput />
              </Form.Item>
            </>
          )}
          {dialog === "stop" && (
            <>
              <Form.Item name="scope" label={t("cases.stopWorkScope")} rules={[required]}>
                <Radio.Group optionType="button" buttonStyle="solid" options={options(STOP_WORK_SCOPE_LABELS)} />
              </Form.Item>
              <Form.Item name="reason" label={t("cases.stopWorkReason")} rules={[required]}>
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
            </>
          )}
          {dialog === "resumeApply" && (
            <>
              <Form.Item name="report" label={t("cases.resumeReport")} rules={[required]}>
                <Input.TextArea rows={5} maxLength={8000} showCount />
              </Form.Item>
              <Form.Item name="photoIds" label={t("cases.photos")}>
                <PhotoInput />
              </Form.Item>
            </>
          )}
          {dialog === "deny" && (
            <Form.Item name="reason" label={t("cases.denyReason")} rules={[required]}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          )}
          {dialog === "comment" && (
            <Form.Item name="text" label={t("cases.commentText")} rules={[required]}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
