/** Types for `heic-decode` 2.x (CommonJS, ships no types): libheif compiled to WebAssembly, via `libheif-js`. */
declare module 'heic-decode' {
  /** RGBA pixels, 4 bytes per pixel, row-major; transformations (`irot`, `imir`, `clap`) already applied. */
  export interface DecodedHeic {
    readonly width: number;
    readonly height: number;
    readonly data: Uint8ClampedArray;
  }
  /** One top-level image of the file; its size is known before decoding. */
  export interface HeicImage {
    readonly width: number;
    readonly height: number;
    decode(): Promise<DecodedHeic>;
  }
  /** The top-level images, in ascending item id; call `dispose` to free the decoder. */
  export interface HeicImageList extends ReadonlyArray<HeicImage> {
    dispose(): void;
  }
  interface HeicDecode {
    /** Decodes the first top-level image. @throws {TypeError} when the major brand is not a HEIC/HEIF one */
    (input: { buffer: Uint8Array }): Promise<DecodedHeic>;
    /** Lists the top-level images without decoding them. @throws {Error} `HEIF image not found` when libheif fails to parse */
    all(input: { buffer: Uint8Array }): Promise<HeicImageList>;
  }
  const decode: HeicDecode;
  export default decode;
}
