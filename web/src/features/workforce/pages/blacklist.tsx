import { useState } from "react";
import { App, Button, Col, Form, Input, Popconfirm, Row, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { shanghaiDay } from "@contracts/workforce/presence";
import type { BlacklistEntryDto, BlacklistInput } from "@contracts/workforce/workers";
import { keys } from "../../../api/query-keys";
import { useCan } from "../../../auth/use-can";
import { DateInput } from "../../../components/date-input";
import { FormModal, useRequired } from "../../../components/form-modal";
import { errorText } from "../../../components/form-utils";
import { formatDate, formatDateTime, orDash } from "../../../components/format";
import { actionColumn, ListPage } from "../../../components/list-page";
import { RemoteSelect } from "../../../components/remote-select";
import { searchPersons } from "../../registry/persons/api";
import { useAddBlacklist, useBlacklist, useRevokeBlacklist } from "../api";

const FIELDS = ["personId", "reason", "validFrom", "validTo"] as const;

/** 加入黑名单: a registry person, the reason and the validity (open-ended when no end date). */
function BlacklistForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddBlacklist();
  const required = useRequired();
  return (
    <FormModal<BlacklistInput>
      open={open}
      title={t("workforce.blacklistAdd")}
      width={600}
      onClose={onClose}
      submit={(v) => add.mutateAsync({ ...v, validTo: v.validTo || null })}
      pending={add.isPending}
      fields={FIELDS}
      initialValues={{ validFrom: shanghaiDay() }}
    >
      <Form.Item name="personId" label={t("workforce.person")} rules={required}>
        <RemoteSelect scope={keys.persons.all} fetchOptions={searchPersons} placeholder={t("workforce.pickPerson")} />
      </Form.Item>
      <Form.Item name="reason" label={t("workforce.reason")} rules={[...required, { min: 2, max: 300 }]}>
        <Input.TextArea rows={3} maxLength={300} showCount />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="validFrom" label={t("workforce.validFrom")} rules={required}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="validTo" label={t("workforce.validTo")} extra={t("workforce.validToHint")}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

/** 黑名单: city-wide entries that block admission everywhere; add and revoke need workforce.blacklist. */
export default function BlacklistPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const manage = useCan()("workforce.blacklist");
  const revoke = useRevokeBlacklist();
  const [adding, setAdding] = useState(false);

  const state = (e: BlacklistEntryDto) => (e.revokedAt ? <Tag>{t("workforce.revoked")}</Tag> : e.active ? <Tag color="red">{t("workforce.active")}</Tag> : <Tag>{t("workforce.inactive")}</Tag>);

  return (
    <ListPage<BlacklistEntryDto>
      title={t("menu.wfBlacklist")}
      permission="workforce.read"
      useRows={useBlacklist}
      create={manage && { label: t("workforce.blacklistAdd"), danger: true, onClick: () => setAdding(true) }}
      filters={[{ key: "active", label: t("workforce.status"), bool: [t("workforce.active"), `${t("workforce.revoked")} / ${t("workforce.inactive")}`] }]}
      columns={[
        { title: t("workforce.name"), dataIndex: "name", width: 100 },
        { title: t("workforce.idNumber"), dataIndex: "idNumber", width: 170, render: (v: string) => <span style={{ fontFamily: "monospace" }}>{v}</span> },
        { title: t("workforce.reason"), dataIndex: "reason", ellipsis: true },
        { title: t("workforce.validFrom"), dataIndex: "validFrom", width: 110, render: formatDate },
        { title: t("workforce.validTo"), dataIndex: "validTo", width: 110, render: (v: string | null) => v ?? t("workforce.validToOpen") },
        { title: t("workforce.status"), key: "state", width: 90, render: (_, e) => state(e) },
        { title: t("workforce.createdAt"), dataIndex: "createdAt", width: 150, render: formatDateTime },
        { title: t("workforce.createdBy"), dataIndex: "createdBy", width: 100, render: orDash },
        ...actionColumn<BlacklistEntryDto>(
          manage,
          t,
          (e) =>
            !e.revokedAt && (
              <Popconfirm
                title={t("workforce.revokeConfirm", { name: e.name })}
                onConfirm={() =>
                  revoke.mutateAsync(e.id).then(
                    () => void message.success(t("common.saved")),
                    (err: unknown) => void message.error(errorText(err)),
                  )
                }
              >
                <Button size="small" type="link">
                  {t("workforce.revoke")}
                </Button>
              </Popconfirm>
            ),
        ),
      ]}
    >
      <BlacklistForm open={adding} onClose={() => setAdding(false)} />
    </ListPage>
  );
}
