import { useState } from "react";
import { App, Button, Flex, Input, Modal, Popconfirm, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ADMISSION_BLOCKS, type AdmissionBlock, type WorkerDto } from "@contracts/workforce/workers";
import { ApiError } from "../../../api/client";
import { useAdmitWorker, useExitWorker } from "../api";
import { errorText } from "../../../components/form-utils";

/** The refusal's reasons from `details.blocks`, in the server's order; unknown codes are dropped. */
function refusalBlocks(err: ApiError): AdmissionBlock[] {
  const blocks = (err.details as { blocks?: unknown } | undefined)?.blocks;
  return Array.isArray(blocks) ? ADMISSION_BLOCKS.filter((b) => blocks.includes(b)) : [];
}

/** 进场 (with the refusal's reasons spelled out when the server says no) and 退场 (with a reason) of one worker. */
export function WorkerActions({ worker }: { worker: WorkerDto }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const admit = useAdmitWorker();
  const exit = useExitWorker();
  const [exiting, setExiting] = useState(false);
  const [reason, setReason] = useState("");

  const onAdmit = async () => {
    try {
      await admit.mutateAsync(worker.id);
      message.success(t("workforce.admitted"));
    } catch (e) {
      if (e instanceof ApiError && e.code === "PRECONDITION_FAILED") {
        const blocks = refusalBlocks(e);
        modal.error({
          title: `${t("workforce.refusedTitle")}：${worker.name}`,
          width: 480,
          content: (
            <Flex vertical gap={6} data-testid="admission-refusal">
              <Typography.Text>{t("workforce.refusedHint")}</Typography.Text>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {blocks.map((b) => (
                  <li key={b}>
                    <Typography.Text type="danger" strong>
                      {t(`admissionBlock.${b}`)}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.message}
              </Typography.Text>
            </Flex>
          ),
        });
      } else message.error(errorText(e));
    }
  };

  const onExit = async () => {
    try {
      await exit.mutateAsync({ id: worker.id, reason: reason.trim() || undefined });
      message.success(t("workforce.exited"));
      setExiting(false);
      setReason("");
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Flex gap={4}>
      {worker.status === "registered" && (
        <Popconfirm title={t("workforce.admitConfirm", { name: worker.name })} onConfirm={() => void onAdmit()}>
          <Button size="small" type="link" loading={admit.isPending}>
            {t("workforce.admit")}
          </Button>
        </Popconfirm>
      )}
      {(worker.status === "entered" || worker.status === "on_site") && (
        <Button size="small" type="link" danger onClick={() => setExiting(true)}>
          {t("workforce.exit")}
        </Button>
      )}
      <Modal
        open={exiting}
        title={t("workforce.exitTitle", { name: worker.name })}
        okText={t("workforce.exit")}
        okButtonProps={{ danger: true, loading: exit.isPending }}
        onOk={() => void onExit()}
        onCancel={() => setExiting(false)}
        destroyOnHidden
      >
        <Input.TextArea aria-label={t("workforce.exitReason")} placeholder={t("workforce.exitReason")} maxLength={200} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Flex>
  );
}
