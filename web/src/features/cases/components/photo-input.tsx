import type { ComponentProps } from "react";
import { PhotoInput as AnyPhotoInput, PhotoThumbs as AnyPhotoThumbs } from "../../../components/photo-input";
import { photoUrl, uploadCasePhoto } from "../api";

/** Case evidence photos: uploaded to POST /cases/photos, served by GET /cases/photos/:id. */
export const PhotoInput = (p: Omit<ComponentProps<typeof AnyPhotoInput>, "upload" | "urlOf">) => <AnyPhotoInput {...p} upload={uploadCasePhoto} urlOf={photoUrl} />;

export const PhotoThumbs = (p: Omit<ComponentProps<typeof AnyPhotoThumbs>, "urlOf">) => <AnyPhotoThumbs {...p} urlOf={photoUrl} />;
