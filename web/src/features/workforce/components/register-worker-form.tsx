import { useMemo } from "react";
import { Col, Form, Input, InputNumber, Row, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import type { ProjectDto } from "@contracts/registry/project";
import { RegisterWorkerInput, TRADE_LABELS, WAGE_UNITS } from "@contracts/workforce/workers";
import { keys } from "../../../api/query-keys";
import { DateInput } from "../../../components/date-input";
import { nullIfEmpty, zodRule } from "../../../components/form-utils";
import { RemoteSelect } from "../../../components/remote-select";
import { FormModal, useRequired } from "../../../components/form-modal";
import { useLabels } from "../../../i18n/labels";
import { searchPersons } from "../../registry/persons/api";
import { useRegisterWorker, useTeams } from "../api";

type Values = Omit<RegisterWorkerInput, "projectId">;

const FIELDS = ["personId", "employerId", "teamId", "trade", "isTeamLeader", "contractSignedOn", "contractStart", "contractEnd", "wageStandard", "wageUnit", "bankName", "bankCard"] as const;

/** Roles whose enterprises employ workers on a project (施工总承包, 分包). */
const EMPLOYER_ROLES = new Set(["general_contractor", "specialty_subcontractor", "labour_subcontractor"]);

const BankCard = RegisterWorkerInput.shape.bankCard.unwrap().unwrap();

/** 登记工人: a person of the registry joins this project under an employer, team and trade, with contract, wage and bank card. */
export function RegisterWorkerForm({ project, open, onClose }: { project: ProjectDto; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const [form] = Form.useForm<Values>();
  const register = useRegisterWorker();
  const teams = useTeams(project.id);
  const employerId = Form.useWatch("employerId", form);

  const employers = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of project.participants) if (EMPLOYER_ROLES.has(p.role)) seen.set(p.enterpriseId, p.enterpriseName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [project.participants]);
  const teamOptions = (teams.data ?? []).filter((tm) => !employerId || tm.employerId === employerId).map((tm) => ({ value: tm.id, label: tm.name }));

  const required = useRequired();
  return (
    <FormModal<Values>
      form={form}
      open={open}
      title={t("workforce.registerTitle")}
      width={720}
      onClose={onClose}
      submit={(values) => register.mutateAsync({ ...nullIfEmpty(values, ["bankName", "bankCard", "teamId"]), projectId: project.id })}
      pending={register.isPending}
      fields={FIELDS}
      success={t("workforce.registered")}
      initialValues={{ isTeamLeader: false, wageUnit: "day" }}
      formProps={{ requiredMark: true }}
    >
      <Form.Item name="personId" label={t("workforce.person")} rules={required}>
        <RemoteSelect scope={keys.persons.all} fetchOptions={searchPersons} placeholder={t("workforce.pickPerson")} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="employerId" label={t("workforce.employer")} rules={required}>
            <Select options={employers} onChange={() => form.setFieldValue("teamId", null)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="teamId" label={t("workforce.team")}>
            <Select allowClear options={teamOptions} loading={teams.isLoading} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="trade" label={t("workforce.trade")} rules={required}>
            <Select showSearch={{ optionFilterProp: "label" }} options={options(TRADE_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="isTeamLeader" label={t("workforce.teamLeader")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="contractSignedOn" label={t("workforce.contractSignedOn")}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="contractStart" label={t("workforce.contractStart")}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="contractEnd" label={t("workforce.contractEnd")}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="wageStandard" label={t("workforce.wageStandard")}>
            <InputNumber min={0} max={1_000_000} precision={2} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="wageUnit" label={t("workforce.wageUnit")}>
            <Select options={WAGE_UNITS.map((u) => ({ value: u, label: t(`wageUnit.${u}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="bankName" label={t("workforce.bankName")}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="bankCard" label={t("workforce.bankCard")} rules={[zodRule(BankCard)]}>
            <Input inputMode="numeric" maxLength={19} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
