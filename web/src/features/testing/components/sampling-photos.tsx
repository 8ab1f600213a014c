import type { ComponentProps } from "react";
import { PhotoInput, PhotoThumbs } from "../../../components/photo-input";
import { samplingPhotoUrl, uploadSamplingPhoto } from "../api";

/** Witness-sampling photos: uploaded to POST /testing/photos, served by GET /testing/photos/:id. */
export const SamplingPhotoInput = (p: Omit<ComponentProps<typeof PhotoInput>, "upload" | "urlOf">) => <PhotoInput {...p} upload={uploadSamplingPhoto} urlOf={samplingPhotoUrl} />;

export const SamplingPhotoThumbs = (p: Omit<ComponentProps<typeof PhotoThumbs>, "urlOf">) => <PhotoThumbs {...p} urlOf={samplingPhotoUrl} />;
