import { useEffect, type ReactNode } from "react";
import { App, Button, Drawer, Form, Modal, Space, type FormInstance, type FormProps } from "antd";
import type { Rule } from "antd/es/form";
import { useTranslation } from "react-i18next";
import { applyServerErrors, errorText, showSaveError } from "./form-utils";

export interface FormModalProps<V, R> {
  /** Defaults to open: most dialogs are mounted only while open. */
  open?: boolean;
  title: ReactNode;
  onClose: () => void;
  /** Sends the validated values (usually a mutation's mutateAsync); resolving means saved. */
  submit: (values: V) => Promise<R>;
  /** The form's field names: the server's issues on these land under their field, the rest in a toast. */
  fields: readonly string[];
  pending?: boolean;
  /** Field values on opening (a DTO being edited, or defaults for a new one). */
  initialValues?: object;
  /** Start again from `initialValues` also when this changes while open (defaults that load late). */
  resetOn?: unknown;
  /** A form created by the caller (to watch a field); one is made otherwise. */
  form?: FormInstance<V>;
  /** A side drawer (long forms) instead of a centred dialog. */
  drawer?: boolean;
  width?: number;
  okText?: string;
  okDanger?: boolean;
  /** OK is greyed out (a value the form needs is not there yet). */
  okDisabled?: boolean;
  /** The toast after saving (default 已保存); null for none. */
  success?: string | null;
  onSaved?: (result: R) => void;
  /** A failure the caller shows its own way; return true when handled. */
  onError?: (err: unknown) => boolean;
  /** Above the form (a hint, a notice). */
  intro?: ReactNode;
  /** Other props of the antd Form (e.g. onValuesChange). */
  formProps?: Omit<FormProps<V>, "form" | "onFinish" | "initialValues" | "layout">;
  children: ReactNode;
}

/**
 * The one create/edit dialog: a vertical antd Form in a Modal (or Drawer) whose OK validates, sends,
 * toasts and closes; a refusal puts the server's field issues under their fields (form-utils).
 * Reopening starts again from `initialValues`.
 */
export function FormModal<V extends object, R = unknown>(props: FormModalProps<V, R>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [own] = Form.useForm<V>();
  const form = props.form ?? own;
  const open = props.open ?? true;

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form, props.resetOn]);

  const finish = async (values: V) => {
    try {
      const result = await props.submit(values);
      const success = props.success === undefined ? t("common.saved") : props.success;
      if (success) message.success(success);
      props.onClose();
      props.onSaved?.(result);
    } catch (e) {
      if (!props.onError?.(e)) showSaveError(form, e, props.fields, message);
    }
  };

  const okText = props.okText ?? t("common.save");
  const body = (
    <>
      {props.intro}
      <Form<V> {...props.formProps} form={form} layout="vertical" initialValues={props.initialValues} onFinish={finish}>
        {props.children}
      </Form>
    </>
  );

  if (props.drawer) {
    return (
      <Drawer
        open={open}
        onClose={props.onClose}
        title={props.title}
        size={props.width ?? 520}
        destroyOnHidden
        extra={
          <Space>
            <Button onClick={props.onClose}>{t("common.cancel")}</Button>
            <Button type="primary" danger={props.okDanger} disabled={props.okDisabled} loading={props.pending} onClick={() => form.submit()}>
              {okText}
            </Button>
          </Space>
        }
      >
        {body}
      </Drawer>
    );
  }
  return (
    <Modal open={open} title={props.title} width={props.width} okText={okText} okButtonProps={{ loading: props.pending, danger: props.okDanger }} onOk={() => form.submit()} onCancel={props.onClose} destroyOnHidden>
      {body}
    </Modal>
  );
}

/** The 必填 rule every form repeats. */
export function useRequired(): Rule[] {
  const { t } = useTranslation();
  return [{ required: true, message: t("common.required") }];
}

/**
 * A one-line form above a list (添加参建单位, 任命岗位): submit, toast, start again; a refusal shows under
 * its field, or under `fallbackField` when the server names none.
 */
export function InlineForm<V extends object>(props: { submit: (values: V) => Promise<unknown>; fields: readonly string[]; fallbackField: string; pending: boolean; buttonText: string; buttonIcon: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const finish = async (values: V) => {
    try {
      await props.submit(values);
      message.success(t("common.saved"));
      form.resetFields();
    } catch (e) {
      if (!applyServerErrors(form, e, props.fields)) form.setFields([{ name: props.fallbackField as never, errors: [errorText(e)] }]);
    }
  };
  return (
    <Form<V> form={form} layout="inline" onFinish={finish} style={{ marginBottom: 12, rowGap: 8 }}>
      {props.children}
      <Button type="primary" htmlType="submit" icon={props.buttonIcon} loading={props.pending}>
        {props.buttonText}
      </Button>
    </Form>
  );
}
