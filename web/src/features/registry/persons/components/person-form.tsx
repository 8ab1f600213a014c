import { useMemo } from "react";
import { Col, Form, Input, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { IdNumber, Mobile } from "@contracts/registry/fields";
import { CreatePersonInput, type PersonDto } from "@contracts/registry/person";
import { keys } from "../../../../api/query-keys";
import { useMe } from "../../../../auth/use-can";
import { FormModal } from "../../../../components/form-modal";
import { nullIfEmpty, zodRule } from "../../../../components/form-utils";
import { RemoteSelect } from "../../../../components/remote-select";
import { searchEnterprises, useEnterprise } from "../../enterprises/api";
import { useSavePerson } from "../api";
import { CertificatesField } from "./certificates-field";

type Values = CreatePersonInput;

const FIELDS = ["name", "idNumber", "mobile", "employerId", "certificates"] as const;

/** Only the input fields of each certificate (the DTO also carries id and the derived expiry). */
const toInput = (p: PersonDto): Values => ({
  name: p.name,
  idNumber: p.idNumber,
  mobile: p.mobile,
  employerId: p.employerId,
  certificates: p.certificates.map(({ kind, specialty, level, certNo, issuedOn, expiresOn }) => ({ kind, specialty, level, certNo, issuedOn, expiresOn })),
});

/** 新建 / 编辑人员; the ID number (checked per GB 11643) is set once and never edited. */
export function PersonForm({ open, onClose, person }: { open: boolean; onClose: () => void; person?: PersonDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const save = useSavePerson(person?.id);
  // Enterprise-bound users create people of their own enterprise: preset it and show its name.
  const ownId = !person ? (me?.enterpriseId ?? null) : null;
  const own = useEnterprise(ownId ?? "", !!ownId);
  const known = useMemo(() => [...(person?.employerId ? [{ value: person.employerId, label: person.employerName ?? person.employerId }] : []), ...(own.data ? [{ value: own.data.id, label: own.data.name }] : [])], [person, own.data]);

  const submit = (values: Values) => {
    const body = nullIfEmpty({ ...values, certificates: (values.certificates ?? []).map((c) => nullIfEmpty(c, ["specialty", "level", "issuedOn"])) }, ["mobile", "employerId"]);
    const { idNumber: _id, ...patch } = body;
    return save.mutateAsync(person ? patch : body);
  };

  const required = { required: true, message: t("common.required") };
  return (
    <FormModal<Values, PersonDto>
      drawer
      open={open}
      onClose={onClose}
      title={t(person ? "person.editTitle" : "person.createTitle")}
      width={820}
      submit={submit}
      pending={save.isPending}
      fields={FIELDS}
      success={t(person ? "common.saved" : "common.created")}
      onSaved={(saved) => !person && navigate(`/persons/${saved.id}`)}
      initialValues={person ? toInput(person) : { certificates: [], ...(ownId ? { employerId: ownId } : {}) }}
      resetOn={ownId}
    >
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="name" label={t("person.name")} rules={[required, zodRule(CreatePersonInput.shape.name)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="idNumber" label={t("person.idNumber")} rules={person ? [] : [required, zodRule(IdNumber)]} normalize={(v: string) => v?.toUpperCase()}>
            <Input className="sc-mono" maxLength={18} disabled={!!person} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="mobile" label={t("person.mobile")} rules={[zodRule(Mobile)]}>
            <Input maxLength={11} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="employerId" label={t("person.employer")}>
        <RemoteSelect scope={keys.enterprises.all} fetchOptions={searchEnterprises} knownOptions={known} placeholder={t("person.pickEnterprise")} disabled={!!ownId} />
      </Form.Item>
      <Typography.Title level={5}>{t("person.tabCertificates")}</Typography.Title>
      <CertificatesField />
    </FormModal>
  );
}
