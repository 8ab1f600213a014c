import { useEffect, useState } from "react";
import { Alert, Button, Flex, Modal, Progress, Result, Typography, Upload } from "antd";
import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { JobDto } from "@contracts/platform/common";
import { api, apiUrl } from "../api/client";
import { keys } from "../api/query-keys";
import { jobRowIssues, jobErrorMessage, jobImported } from "./import-job";
import { errorText } from "./form-utils";
import { RowIssuesTable } from "./row-issues";

interface Props {
  open: boolean;
  onClose: () => void;
  /** e.g. "/enterprises": the template is `${basePath}/import-template`, the upload `${basePath}/import`. */
  basePath: string;
  /** Where the template is when it is shared by several upload paths (e.g. every project's roster). */
  templatePath?: string;
  /** Entity name for the title, e.g. 企业. */
  entity: string;
  /** Query-key prefix refreshed after a successful import. */
  invalidate: readonly unknown[];
}

/**
 * 导入: download the template, upload an .xlsx, watch the job's progress; on failure every bad row is
 * listed (行号, 列, 错误) — the import is all-or-nothing, so nothing was written.
 */
export function ImportModal({ open, onClose, basePath, templatePath, entity, invalidate }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  const job = useQuery({
    queryKey: keys.jobs.detail(jobId ?? ""),
    queryFn: () => api<JobDto>(`/jobs/${jobId}`),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data?.status === "running" || !q.state.data ? 500 : false),
  });
  const status = job.data?.status;

  useEffect(() => {
    if (status === "succeeded") void qc.invalidateQueries({ queryKey: invalidate });
  }, [status, qc, invalidate]);

  const reset = () => {
    setJobId(null);
    setUploadError(null);
  };

  const upload = async (file: File) => {
    reset();
    if (!file.name.toLowerCase().endsWith(".xlsx")) {
      setUploadError(t("import.onlyXlsx"));
      return;
    }
    const form = new FormData();
    form.append("file", file);
    setUploading(true);
    try {
      const { jobId: id } = await api<{ jobId: string }>(`${basePath}/import`, { body: form });
      setJobId(id);
    } catch (e) {
      setUploadError(errorText(e));
    } finally {
      setUploading(false);
    }
  };

  const close = () => {
    reset();
    onClose();
  };

  const percent = job.data && job.data.total > 0 ? Math.round((job.data.done / job.data.total) * 100) : 0;
  const issues = job.data ? jobRowIssues(job.data) : [];
  const showUpload = !jobId || status === "failed";

  return (
    <Modal open={open} title={t("import.title", { entity })} onCancel={close} footer={<Button onClick={close}>{t("import.close")}</Button>} width={720} destroyOnHidden>
      <Flex vertical gap={16}>
        <Flex align="center" justify="space-between">
          <Typography.Text type="secondary">{t("import.step1")}</Typography.Text>
          <Button icon={<DownloadOutlined />} href={apiUrl(templatePath ?? `${basePath}/import-template`)} download>
            {t("import.template")}
          </Button>
        </Flex>
        {showUpload && (
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            multiple={false}
            disabled={uploading}
            beforeUpload={(file) => {
              void upload(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t(status === "failed" ? "import.again" : "import.drop")}</p>
          </Upload.Dragger>
        )}
        {uploadError && <Alert type="error" showIcon title={uploadError} />}
        {status === "running" && (
          <div>
            <Typography.Text>{t("import.running")}</Typography.Text>
            <Progress percent={percent} status="active" aria-label={t("import.running")} />
          </div>
        )}
        {status === "succeeded" && <Result status="success" title={t("import.succeeded", { count: jobImported(job.data!) })} style={{ padding: 16 }} />}
        {status === "failed" && (
          <>
            <Alert type="error" showIcon title={jobErrorMessage(job.data!)} description={issues.length ? t("import.failed") : undefined} />
            {issues.length > 0 && <RowIssuesTable issues={issues} />}
          </>
        )}
      </Flex>
    </Modal>
  );
}
