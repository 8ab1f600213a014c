import { useEffect, useRef, useState } from "react";
import { App, Button, Flex, Image } from "antd";
import { CameraOutlined, CloseCircleFilled } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { samplingPhotoUrl, uploadSamplingPhoto } from "../api";
import "../i18n";

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  max?: number;
  id?: string;
}

/**
 * Sampling photos as a form control, as the cases photo input: the camera on a phone or tablet
 * (`capture="environment"`), the file picker on a desktop. Each picture goes at once to POST /testing/photos
 * and the control holds the returned ids. Thumbnails show the local file, since the server serves a photo
 * only once a sampling record names it.
 */
export function SamplingPhotoInput({ value = [], onChange, max = 20, id }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(0);
  const [previews, setPreviews] = useState<ReadonlyMap<string, string>>(new Map());
  const previewsRef = useRef(previews);
  previewsRef.current = previews;
  useEffect(() => () => previewsRef.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const pick = async (files: FileList | null) => {
    const chosen = [...(files ?? [])].slice(0, Math.max(0, max - value.length));
    if (!chosen.length) return;
    setBusy((n) => n + chosen.length);
    const ids: string[] = [];
    for (const file of chosen) {
      try {
        const photoId = await uploadSamplingPhoto(file);
        ids.push(photoId);
        const local = URL.createObjectURL(file);
        setPreviews((m) => new Map(m).set(photoId, local));
      } catch (e) {
        message.error(`${t("testing.uploadFailed")}: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        setBusy((n) => n - 1);
      }
    }
    if (ids.length) onChange?.([...value, ...ids]);
  };

  return (
    <Flex wrap gap={8} align="center">
      {value.map((p) => (
        <div key={p} style={{ position: "relative", width: 64, height: 64 }}>
          <Image src={previews.get(p) ?? samplingPhotoUrl(p)} width={64} height={64} style={{ objectFit: "cover", borderRadius: 4 }} />
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
        <Button id={id} icon={<CameraOutlined />} loading={busy > 0} onClick={() => input.current?.click()}>
          {busy > 0 ? t("testing.uploading") : t("testing.uploadPhoto")}
        </Button>
      )}
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png"
        capture="environment"
        multiple
        hidden
        data-testid="sampling-photo-file"
        onChange={(e) => {
          void pick(e.target.files);
          e.target.value = "";
        }}
      />
    </Flex>
  );
}

/** A sampling record's photos as thumbnails that open a zoomable preview. */
export function SamplingPhotoThumbs({ ids, size = 72 }: { ids: readonly string[]; size?: number }) {
  const { t } = useTranslation();
  if (!ids.length) return <span style={{ color: "#8c8c8c" }}>{t("testing.noSamplePhotos")}</span>;
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={8}>
        {ids.map((p) => (
          <Image key={p} src={samplingPhotoUrl(p)} width={size} height={size} alt={t("testing.samplePhotos")} style={{ objectFit: "cover", borderRadius: 4 }} />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
