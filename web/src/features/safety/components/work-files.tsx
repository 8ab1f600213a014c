import { useState } from "react";
import { Alert, App, Button, Card, Empty, Flex, Select, Table, Tag, Typography, Upload } from "antd";
import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { WORK_FILE_KIND_LABELS, type DangerousWorkDetailDto, type WorkFileDto, type WorkFileKind } from "@contracts/safety/dangerous-works";
import { errorText } from "../../../components/form-utils";
import { formatDateTime } from "../../../components/format";
import { useLabels } from "../../../i18n/labels";
import { useUploadWorkFile, workFileUrl } from "../api";
import { WORK_FILE_ACCEPT, formatSize, hasCurrentScheme, uploadProblem } from "./work-files.rules";

/** Before the scheme goes to the contractor's and the supervisor's review, its current revision must be on file. */
const SCHEME_NEEDED = new Set(["identified", "scheme_drafting", "enterprise_review"]);

/** Picks the kind, then the file; each file is uploaded at once and the server's refusal is shown under the control. */
function UploadControl({ workId }: { workId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useLabels();
  const [kind, setKind] = useState<WorkFileKind>("scheme");
  const [error, setError] = useState<string | null>(null);
  const upload = useUploadWorkFile(workId);

  const send = async (file: File) => {
    setError(null);
    const problem = uploadProblem(file);
    if (problem) return setError(`${file.name}: ${t(`safety.${problem}`)}`);
    try {
      await upload.mutateAsync({ kind, file });
      message.success(t("safety.fileUploaded"));
    } catch (e) {
      setError(`${file.name}: ${errorText(e)}`);
    }
  };

  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      <Flex wrap gap={8} align="center">
        <Select<WorkFileKind> aria-label={t("safety.fileKind")} value={kind} onChange={setKind} options={options(WORK_FILE_KIND_LABELS)} style={{ width: 180 }} />
        <Upload accept={WORK_FILE_ACCEPT} showUploadList={false} disabled={upload.isPending} beforeUpload={(f) => (void send(f), false)}>
          <Button icon={<UploadOutlined />} loading={upload.isPending}>
            {t("safety.uploadFile")}
          </Button>
        </Upload>
        <Typography.Text type="secondary">{t("safety.fileHint")}</Typography.Text>
      </Flex>
      {error && <Alert type="error" showIcon closable={{ onClose: () => setError(null) }} title={error} />}
    </Flex>
  );
}

/**
 * 资料: the documents archived with the work (scheme of each revision, expert report, briefings, notice,
 * monitoring, acceptance, emergency records), never deleted; a download link each, and the upload for parties.
 */
export function WorkFiles({ work, manage }: { work: DangerousWorkDetailDto; manage: boolean }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const schemeMissing = SCHEME_NEEDED.has(work.state) && !hasCurrentScheme(work.files, work.revision);

  return (
    <Card size="small" title={t("safety.documents")} style={{ marginBottom: 12 }}>
      {manage && work.state !== "closed" && <UploadControl workId={work.id} />}
      {schemeMissing && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("safety.schemeMissing", { revision: work.revision })} />}
      <Table<WorkFileDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={work.files}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("safety.noFiles")} /> }}
        scroll={{ x: 640 }}
        columns={[
          { title: t("safety.fileKind"), dataIndex: "kind", width: 120, render: (k: WorkFileKind) => <Tag>{label(WORK_FILE_KIND_LABELS, k)}</Tag> },
          { title: t("safety.revision"), dataIndex: "revision", width: 72, render: (r: number) => t("safety.revisionN", { n: r }) },
          {
            title: t("safety.fileName"),
            dataIndex: "fileName",
            render: (name: string, f) => (
              <a href={workFileUrl(work.id, f.id)} download={name}>
                <PaperClipOutlined /> {name}
              </a>
            ),
          },
          { title: t("safety.fileSize"), dataIndex: "size", width: 80, align: "right", render: (n: number) => formatSize(n) },
          { title: t("safety.uploadedBy"), dataIndex: "uploadedBy", width: 96 },
          { title: t("safety.uploadedAt"), dataIndex: "uploadedAt", width: 140, render: (at: string) => formatDateTime(at) },
        ]}
      />
    </Card>
  );
}
