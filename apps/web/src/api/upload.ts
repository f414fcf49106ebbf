import { getCsrfToken, toApiError } from './client';

/** Formats the server accepts (it sniffs the bytes; this is only a first, friendlier check). */
export const ACCEPTED_IMAGE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/avif',
  'image/gif',
  'image/tiff',
];
export const ACCEPT_ATTRIBUTE =
  ACCEPTED_IMAGE_TYPES.join(',') + ',.jpg,.jpeg,.png,.webp,.heic,.heif,.avif,.gif,.tif,.tiff';
/** The server's default upload limit (25 MiB). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export type UploadCheck = { readonly ok: true } | { readonly ok: false; readonly problem: 'format' | 'size' };

/** Checks type and size before sending; the server checks again. */
export function checkUpload(file: File): UploadCheck {
  const byName = /\.(jpe?g|png|webp|heic|heif|avif|gif|tiff?)$/i.test(file.name);
  if (!ACCEPTED_IMAGE_TYPES.includes(file.type) && !byName) return { ok: false, problem: 'format' };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, problem: 'size' };
  return { ok: true };
}

/**
 * Posts one photo as multipart/form-data (field `file`) with upload progress (fetch has none, hence XHR).
 * Resolves with the JSON answer; rejects with an ApiError carrying the server's bilingual message.
 */
export function uploadPhoto<T>(url: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
      } else reject(toApiError(xhr.status, body));
    };
    xhr.onerror = () =>
      reject(toApiError(0, { error: { code: 'network', message: { zh: '网络连接中断', en: 'Network error' } } }));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
