import { useState } from "react";
import { Alert, App, Button, List, Modal, Typography, Upload } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../../api/client";
import { errorText } from "../../../../components/form-utils";
import { useImportPipelines } from "../api";

/** 导入 GeoJSON: reads a FeatureCollection file and posts it; a refusal lists every bad feature, nothing is written. */
export function GeojsonImport({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useImportPipelines();
  const [problems, setProblems] = useState<{ path: string; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File) => {
    setProblems([]);
    setError(null);
    try {
      const body = JSON.parse(await file.text()) as unknown;
      const r = await run.mutateAsync(body);
      message.success(t("gasPipelines.importDone", { created: r.created, updated: r.updated, links: r.siteLinks }));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fieldIssues().length) setProblems(e.fieldIssues());
      else setError(e instanceof SyntaxError ? t("gasPipelines.geometryInvalid") : errorText(e));
    }
  };
  return (
    <Modal open title={t("gasPipelines.importGeojson")} footer={null} onCancel={onClose} width={640} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t("gasPipelines.importHint")}</Typography.Paragraph>
      <Upload accept=".geojson,.json,application/geo+json,application/json" showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
        <Button icon={<UploadOutlined />} loading={run.isPending}>
          {t("gasPipelines.importGeojson")}
        </Button>
      </Upload>
      {error && <Alert style={{ marginTop: 12 }} type="error" message={error} />}
      {problems.length > 0 && (
        <>
          <Alert style={{ marginTop: 12 }} type="error" message={t("gasPipelines.importErrors")} />
          <List size="small" style={{ maxHeight: 320, overflow: "auto" }} dataSource={problems} renderItem={(p) => <List.Item><Typography.Text code>{p.path}</Typography.Text> {p.message}</List.Item>} />
        </>
      )}
    </Modal>
  );
}
