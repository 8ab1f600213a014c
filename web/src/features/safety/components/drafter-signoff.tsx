import { useState } from "react";
import { App, Button, Form, Input, Modal, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DangerousWorkDetailDto, DrafterSignoffInput } from "@contracts/safety/dangerous-works";
import { showSaveError } from "../../../components/form-utils";
import { useDrafterSignoff } from "../api";

/**
 * 分包单位签字: the drafting subcontractor's technical lead signs the current revision during the contractor's
 * review, before the general contractor's step to the supervisor. Disabled with the server's reason otherwise.
 */
export function DrafterSignoffButton({ work }: { work: DangerousWorkDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DrafterSignoffInput>();
  const [open, setOpen] = useState(false);
  const sign = useDrafterSignoff(work.id);
  if (!work.drafterSignoff) return null;
  const { allowed, reason } = work.drafterSignoff;

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await sign.mutateAsync({ note: v.note ?? "" });
      message.success(t("safety.drafterSignedDone"));
      setOpen(false);
    } catch (e) {
      showSaveError(form, e, ["note"], message);
    }
  };

  const button = (
    <Button size="small" disabled={!allowed} onClick={() => setOpen(true)}>
      {t("safety.drafterSign")}
    </Button>
  );
  return (
    <>
      {allowed ? button : <Tooltip title={reason}>{button}</Tooltip>}
      <Modal
        open={open}
        title={t("safety.drafterSign")}
        okText={t("safety.drafterSignOk")}
        okButtonProps={{ loading: sign.isPending }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t("safety.drafterSignConfirm", { enterprise: work.drafterEnterpriseName ?? "", revision: work.revision })}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="note" label={t("safety.note")}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
