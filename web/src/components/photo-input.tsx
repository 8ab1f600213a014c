import { useEffect, useRef, useState } from "react";
import { App, Button, Flex, Image } from "antd";
import { CameraOutlined, CloseCircleFilled } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { errorText } from "./form-utils";

/** Where a module's photos go and come from: its upload route and its photo URL. */
export interface PhotoEndpoints {
  upload: (file: File) => Promise<string>;
  urlOf: (id: string) => string;
}

interface Props extends PhotoEndpoints {
  value?: string[];
  onChange?: (ids: string[]) => void;
  max?: number;
  /** Bigger button and thumbnails for the tablet inspection form. */
  large?: boolean;
  id?: string;
  "aria-label"?: string;
}

/**
 * Photos as a form control: the camera on a tablet (`capture="environment"`), the file picker on a desktop.
 * Each picture is uploaded at once (the module's upload route) and the control holds the returned ids. The
 * thumbnails show the local file: a server serves a photo only once a record of its module names it.
 */
export function PhotoInput({ value = [], onChange, max = 20, large = false, id, upload, urlOf, ...rest }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(0);
  const [previews, setPreviews] = useState<ReadonlyMap<string, string>>(new Map());
  const previewsRef = useRef(previews);
  previewsRef.current = previews;
  useEffect(() => () => previewsRef.current.forEach((u) => URL.revokeObjectURL(u)), []);
  const size = large ? 88 : 64;

  const pick = async (files: FileList | null) => {
    const chosen = [...(files ?? [])].slice(0, Math.max(0, max - value.length));
    if (!chosen.length) return;
    setBusy((n) => n + chosen.length);
    const ids: string[] = [];
    for (const file of chosen) {
      try {
        const id = await upload(file);
        ids.push(id);
        const local = URL.createObjectURL(file);
        setPreviews((m) => new Map(m).set(id, local));
      } catch (e) {
        message.error(`${t("common.uploadFailed")}: ${errorText(e)}`);
      } finally {
        setBusy((n) => n - 1);
      }
    }
    if (ids.length) onChange?.([...value, ...ids]);
  };

  return (
    <Flex wrap gap={8} align="center">
      {value.map((p) => (
        <div key={p} style={{ position: "relative", width: size, height: size }}>
          <Image src={previews.get(p) ?? urlOf(p)} width={size} height={size} style={{ objectFit: "cover", borderRadius: 4 }} />
          <Button
            type="text"
            size="small"
            aria-label={t("common.remove")}
            icon={<CloseCircleFilled style={{ color: "#ff4d4f" }} />}
            style={{ position: "absolute", top: -8, right: -8, background: "#fff", borderRadius: "50%" }}
            onClick={() => onChange?.(value.filter((x) => x !== p))}
          />
        </div>
      ))}
      {value.length < max && (
        <Button id={id} icon={<CameraOutlined />} size={large ? "large" : "middle"} loading={busy > 0} onClick={() => input.current?.click()} aria-label={rest["aria-label"] ?? t("common.uploadPhoto")}>
          {busy > 0 ? t("common.uploading") : t("common.uploadPhoto")}
        </Button>
      )}
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        data-testid="photo-file"
        onChange={(e) => {
          void pick(e.target.files);
          e.target.value = "";
        }}
      />
    </Flex>
  );
}

/** Read-only thumbnails that open a zoomable preview. */
export function PhotoThumbs({ ids, size = 72, urlOf }: { ids: readonly string[]; size?: number; urlOf: (id: string) => string }) {
  const { t } = useTranslation();
  if (!ids.length) return <span style={{ color: "#8c8c8c" }}>{t("common.noPhotos")}</span>;
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={8}>
        {ids.map((p) => (
          <Image key={p} src={urlOf(p)} width={size} height={size} style={{ objectFit: "cover", borderRadius: 4 }} />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
