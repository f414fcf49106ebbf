import { text, type LocalizedText } from './text.js';

/**
 * One entry of the finding catalogue: what a code means, what it does not mean, and how much it weighs.
 * `docs/findings.md` is generated from this table (`npm run docs:findings`); a test fails when they drift.
 */
export interface CatalogueEntry {
  /** Multiplies the signal strength (0..1) into the finding's score. */
  readonly weight: number;
  /** A decisive finding alone may make the verdict `forged`. */
  readonly decisive: boolean;
  readonly title: LocalizedText;
  readonly means: LocalizedText;
  readonly doesNotMean: LocalizedText;
}

const catalogue = {
  'input.unsupported_format': {
    weight: 0,
    decisive: false,
    title: text('不支持的文件格式', 'Unsupported file format'),
    means: text(
      '文件内容不是受支持的图片格式（按文件字节识别，而非扩展名）。',
      'The bytes are not a supported image format (sniffed from content, not from the file name).',
    ),
    doesNotMean: text(
      '不代表文件是伪造的；请让提交者换成照片原图。',
      'Not that the file is forged; ask for the original photo.',
    ),
  },
  'input.too_large': {
    weight: 0,
    decisive: false,
    title: text('文件或像素数超出限制', 'File or pixel count over the limit'),
    means: text(
      '文件字节数或图片像素数超过解码限制，为防止解压炸弹未解码像素。',
      'The byte size or pixel count exceeds the decode limits; pixels were not decoded, to defuse decompression bombs.',
    ),
    doesNotMean: text('不代表照片是伪造的。', 'Not that the photo is forged.'),
  },
  'input.unreadable': {
    weight: 0,
    decisive: false,
    title: text('文件损坏或无法解码', 'File corrupt or undecodable'),
    means: text(
      '文件被截断、损坏或解码失败，无法分析。',
      'The file is truncated, corrupt or failed to decode; it could not be analysed.',
    ),
    doesNotMean: text(
      '不代表照片是伪造的；传输中断也会造成截断。',
      'Not that the photo is forged; an interrupted transfer also truncates files.',
    ),
  },
  'provenance.c2pa.ai_generated': {
    weight: 1,
    decisive: true,
    title: text('内容凭证声明为 AI 生成', 'Content Credentials declare AI generation'),
    means: text(
      '照片内嵌的 C2PA 内容凭证记录了由生成式 AI 创建（digitalSourceType 为 trainedAlgorithmicMedia 等）。',
      "The photo's embedded C2PA Content Credentials record creation by generative AI (digitalSourceType trainedAlgorithmicMedia or similar).",
    ),
    doesNotMean: text(
      '签名未受信任时，声明的来源未经第三方证实；但正常拍摄的照片不会带有此类声明。',
      'With an untrusted signature the issuer is unconfirmed; but a genuine camera photo never carries such a declaration.',
    ),
  },
  'provenance.c2pa.ai_edited': {
    weight: 1,
    decisive: true,
    title: text('内容凭证声明经 AI 编辑', 'Content Credentials declare AI editing'),
    means: text(
      'C2PA 内容凭证记录了 AI 局部生成或合成（如生成式填充、inpainting，compositeWithTrainedAlgorithmicMedia）。',
      'The C2PA Content Credentials record AI compositing or inpainting (e.g. Generative Fill, compositeWithTrainedAlgorithmicMedia).',
    ),
    doesNotMean: text('不能单凭此项定位被修改的区域。', 'On its own it does not locate the edited region.'),
  },
  'provenance.c2pa.invalid': {
    weight: 0.5,
    decisive: false,
    title: text('内容凭证校验失败', 'Content Credentials fail validation'),
    means: text(
      'C2PA 清单存在但校验失败，例如签名后内容被改动（哈希不匹配）或签名无效。',
      'A C2PA manifest is present but fails validation, e.g. the content changed after signing (hash mismatch) or the signature is invalid.',
    ),
    doesNotMean: text(
      '不一定是恶意修改：部分软件会在保存时破坏凭证；需结合其他发现判断。',
      'Not necessarily malicious: some software breaks credentials on save; weigh it with the other findings.',
    ),
  },
  'provenance.c2pa.capture': {
    weight: 0,
    decisive: false,
    title: text('内容凭证证明为相机拍摄', 'Content Credentials attest a camera capture'),
    means: text(
      '有效的 C2PA 清单记录了由相机或手机直接拍摄（digitalSourceType 为 digitalCapture），是正面信号。',
      'A valid C2PA manifest records a direct camera capture (digitalSourceType digitalCapture): a positive signal.',
    ),
    doesNotMean: text('不保证拍摄的物品就是订单中的商品。', 'Not that the item photographed is the item ordered.'),
  },
  'provenance.c2pa.manifest': {
    weight: 0,
    decisive: false,
    title: text('带有内容凭证', 'Carries Content Credentials'),
    means: text(
      '照片带有 C2PA 内容凭证，列出了签发方与编辑操作。',
      'The photo carries C2PA Content Credentials listing the signer and editing actions.',
    ),
    doesNotMean: text(
      '凭证本身不代表照片可信或不可信，需看其内容。',
      'Having credentials is neither good nor bad; what they say matters.',
    ),
  },
  'provenance.iptc_ai_source': {
    weight: 1,
    decisive: true,
    title: text('元数据标注为 AI 生成来源', 'Metadata names an AI source'),
    means: text(
      'XMP 中 IPTC DigitalSourceType 标注了 AI 生成或 AI 合成（trainedAlgorithmicMedia 等）。',
      'The XMP IPTC DigitalSourceType names AI generation or AI compositing (trainedAlgorithmicMedia and similar).',
    ),
    doesNotMean: text(
      '元数据可被删除，缺少此标注不代表照片真实。',
      'Metadata can be stripped: its absence does not make a photo genuine.',
    ),
  },
  'provenance.aigc_label': {
    weight: 1,
    decisive: true,
    title: text('含 AIGC 隐式标识（GB 45438-2025）', 'Carries an AIGC implicit label (GB 45438-2025)'),
    means: text(
      '文件元数据中含有《人工智能生成合成内容标识办法》要求的隐式标识，声明内容由 AI 生成或疑似生成。',
      "The file's metadata carries the implicit label China requires on AI-generated content, declaring it generated or possibly generated.",
    ),
    doesNotMean: text(
      '标签格式不合规时仍按声明内容判断；没有标签不代表照片真实。',
      'A non-conforming label is still read for what it declares; no label does not make a photo genuine.',
    ),
  },
  'provenance.generator_params': {
    weight: 1,
    decisive: true,
    title: text('含 AI 生成参数', 'Carries AI generation parameters'),
    means: text(
      '文件内嵌了 AI 图像生成工具写入的生成记录（提示词、模型、采样器、种子、步数）：Stable Diffusion WebUI/Forge/SD.Next 的 parameters（PNG 文本、EXIF UserComment 或 alpha 通道隐写）、ComfyUI 节点图、InvokeAI、Fooocus、NovelAI、SwarmUI、Draw Things、Midjourney 的 Job ID。解析出完整参数即判定为伪造；仅有软件名等线索时为可疑。',
      "The file embeds the record an AI image generator writes (prompt, model, sampler, seed, steps): Stable Diffusion WebUI/Forge/SD.Next `parameters` (PNG text, EXIF UserComment or hidden in the alpha channel), a ComfyUI node graph, InvokeAI, Fooocus, NovelAI, SwarmUI, Draw Things, a Midjourney Job ID. Parsed parameters make the photo forged; a bare hint (a generator's software name) makes it suspicious.",
    ),
    doesNotMean: text(
      '没有这些参数不代表照片真实：平台和聊天软件会去除它们；参数也不能指出哪一区域是生成的；仅凭软件名线索不能定论。',
      'Their absence does not make a photo genuine (platforms strip them); they do not show which region was generated; a software-name hint alone is not conclusive.',
    ),
  },
  'metadata.editing_software': {
    weight: 0.15,
    decisive: false,
    title: text('经过编辑软件处理', 'Processed by editing software'),
    means: text(
      '元数据记录了图片编辑软件（如 Photoshop、美图秀秀、醒图）。',
      'The metadata names image-editing software (e.g. Photoshop, Meitu, Xingtu).',
    ),
    doesNotMean: text(
      '裁剪、调色、压缩都会留下这类记录，单独出现不代表伪造。',
      'Cropping, colour correction and compression leave the same trace: on its own it does not mean forgery.',
    ),
  },
  'metadata.captured_before_delivery': {
    weight: 0.6,
    decisive: false,
    title: text('拍摄时间早于签收时间', 'Captured before delivery'),
    means: text(
      '照片元数据中的拍摄时间早于包裹签收时间。',
      "The capture time in the photo's metadata is earlier than the parcel's delivery.",
    ),
    doesNotMean: text(
      '相机时钟可能不准，时间也可被修改；请结合其他证据。',
      'Camera clocks can be wrong and times can be edited; weigh it with other evidence.',
    ),
  },
  'metadata.capture_time_unknown': {
    weight: 0,
    decisive: false,
    title: text('拍摄时间未知', 'Capture time unknown'),
    means: text(
      '照片不含可信的拍摄时间，无法与签收时间比较。',
      'The photo carries no trustworthy capture time to compare with the delivery.',
    ),
    doesNotMean: text(
      '聊天软件会去除元数据，这很常见，不代表可疑。',
      'Messaging apps strip metadata; this is common and not suspicious.',
    ),
  },
  'capture.screenshot': {
    weight: 0.45,
    decisive: false,
    title: text('疑似截图', 'Looks like a screenshot'),
    means: text(
      '图片带有截图特征（截图标记、屏幕尺寸且无相机信息、状态栏色带），而非相机拍摄。',
      'The image shows screenshot traits (a screenshot marker, screen-sized with no camera data, a status-bar band) rather than a camera capture.',
    ),
    doesNotMean: text(
      '截图本身不是伪造，但截图无法证明买家收到的实物状态。',
      'A screenshot is not a forgery by itself, but it cannot show the state of the item the buyer received.',
    ),
  },
  'reference.derived_from_listing': {
    weight: 0.6,
    decisive: false,
    title: text('照片来自商家的参考图', "The photo is the merchant's own reference photo"),
    means: text(
      '这张照片就是商家提供的某张参考图（商品主图或打包照片）本身，只是经过了重新压缩、缩放、裁剪、旋转、镜像、调色、加边框或截图等处理：局部特征在整个画面上服从同一几何变换，对齐后的画面结构几乎处处一致。买家提交的是商家的图片，而不是收到实物后拍摄的照片。',
      "The photo is one of the merchant's reference photos (a listing or packing photo) itself, re-processed: recompressed, resized, cropped, rotated, mirrored, recoloured, padded or screenshotted. Its local features follow one geometric transform across the frame and, once aligned, its structure matches the reference almost everywhere. The buyer sent the merchant's picture instead of a photo of what arrived.",
    ),
    doesNotMean: text(
      '本身不证明画面被篡改（篡改见"相对参考图的局部改动"）；同一商品的另一张照片（不同角度、不同场景）不会触发此项；未触发也不代表照片是买家亲自拍摄的。',
      'It does not by itself show that anything was painted on (see "Local change against the reference photo"); another photo of the same product (another angle, another scene) does not trigger it; no finding does not prove the buyer took the photo.',
    ),
  },
  'reference.local_edit': {
    weight: 1,
    decisive: true,
    title: text('相对参考图的局部改动', 'Local change against the reference photo'),
    means: text(
      '照片来自商家的参考图，但在对齐并校正亮度、对比度和颜色后，有局部区域与参考图明显不同（结构或颜色）：这些区域是在商家图片上后加的，例如 AI 画上的裂纹、污渍或破损。区域框与热力图标出位置。',
      "The photo derives from the merchant's reference photo, but after alignment and correcting brightness, contrast and colour, some regions differ clearly from it (in structure or colour): they were added to the merchant's picture, such as cracks, stains or breakage painted on with AI. The boxes and the heat map show where.",
    ),
    doesNotMean: text(
      '只在照片确认来自参考图时报告；区域框是改动的大致范围，不是精确轮廓；截图中压在图片上的界面元素也会显示为改动。',
      'It is reported only when the photo derives from a reference; the boxes give the extent of a change, not its exact outline; app elements drawn over the photo in a screenshot also show as changes.',
    ),
  },
  'reuse.seen_in_other_claim': {
    weight: 0.7,
    decisive: false,
    title: text('同一张照片出现在其他售后申请中', 'The same photo appears in another claim'),
    means: text(
      '这张照片的感知哈希（PDQ）与本工作区另一笔售后申请的证据照片几乎相同（汉明距离在同图阈值内）：同一张图片被用于多笔申请，常见于一图多用、多店多号重复索赔。发现会列出那些申请。',
      "The photo's perceptual hash (PDQ) is nearly the same as an evidence photo of another claim in this workspace (Hamming distance within the same-picture threshold): one picture is used for several claims, as in repeated claims across orders, shops or accounts. The finding names those claims.",
    ),
    doesNotMean: text(
      '不说明哪一笔是原始申请，也不说明画面被篡改；同一买家就同一件商品重新提交（如撤销后重提）也会触发，需人工查看；经大幅裁剪或重新拍摄的照片可能不会触发。',
      'It does not say which claim came first or that the picture was altered; the same buyer re-filing about the same item (after a withdrawal, say) also triggers it, so a person should look; heavily cropped or re-photographed copies may not trigger it.',
    ),
  },
  'reuse.seen_in_fraud_feed': {
    weight: 0.8,
    decisive: false,
    title: text('照片出现在订阅的欺诈信号源中', 'The photo appears in a subscribed fraud feed'),
    means: text(
      '这张照片的感知哈希（PDQ）与本工作区订阅的某个签名欺诈信号源中的哈希几乎相同（汉明距离在同图阈值内）：另一家商家或平台已在人工审核后确认该图片为伪造证据（如伪造、AI 生成或重复使用）。发现会列出信号源、距离和确认时间。',
      "The photo's perceptual hash (PDQ) is nearly the same as a hash in a signed fraud feed this workspace subscribes to (Hamming distance within the same-picture threshold): another merchant or platform confirmed, after human review, that this picture was faked evidence (forged, AI-generated or reused). The finding names the feed, the distance and when the fraud was confirmed.",
    ),
    doesNotMean: text(
      '不说明本笔申请的买家就是同一人，也不证明本照片被篡改：信号来自发布方的判断，发布方撤回（如申诉改判）后不再计入；需人工查看。',
      "It does not say this claim's buyer is the same person, nor prove this photo was altered: the signal is the publisher's judgement, and stops counting once the publisher retracts it (a decision reversed on appeal, say); a person should look.",
    ),
  },
  'tamper.thumbnail_mismatch': {
    weight: 0.55,
    decisive: false,
    title: text('内嵌缩略图与图片不一致', 'Embedded thumbnail differs from the image'),
    means: text(
      '相机在 EXIF 中保存的缩略图与主图内容明显不同，说明主图在拍摄后被替换或修改，而缩略图未更新。',
      'The thumbnail the camera stored in EXIF differs clearly from the main image: the image was changed after capture and the thumbnail was not.',
    ),
    doesNotMean: text(
      '不能定位修改区域；少数软件会写入不相关的缩略图。',
      'It does not locate the edit; a few programs write unrelated thumbnails.',
    ),
  },
  'tamper.double_jpeg': {
    weight: 0.3,
    decisive: false,
    title: text('局部压缩历史不一致', 'Region with a different compression history'),
    means: text(
      '照片整体在同一网格上经过两次 JPEG 压缩，但某块区域缺少早先那次压缩的痕迹：这块像素是在早先压缩之后被粘贴、涂改或生成的。区域与热力图标出位置。',
      'The photo as a whole was JPEG-compressed twice on the same grid, but a region lacks the traces of the earlier compression: its pixels were pasted, painted or generated after it. The regions and the heat map show where.',
    ),
    doesNotMean: text(
      '整张照片压缩两次本身很正常（聊天软件转发即如此），不会单独报告；此项只是辅助信号，单独不足以判定伪造；过曝、纯色区域不参与分析；裁剪、缩放会抹去痕迹，未发现不代表未修改。',
      'Double compression of the whole photo is normal (every messaging-app copy) and is never reported on its own; this is a supporting signal, never enough alone; clipped highlights and flat areas are left out; cropping and resizing erase the traces, so no finding does not mean untouched.',
    ),
  },
  'tamper.ela': {
    weight: 0.2,
    decisive: false,
    title: text('局部误差水平异常', 'Region with an unusual error level'),
    means: text(
      '以照片自身估计的 JPEG 质量重新压缩后，某块紧凑区域的变化远大于照片中同等纹理的其他区域（误差水平分析，已按纹理归一化）：这块像素的压缩经历与其余部分不同。',
      "Recompressed at the photo's own estimated JPEG quality, a compact region changes far more than the rest of the photo at equal texture (error level analysis, normalised for texture): those pixels have a different compression history from the rest.",
    ),
    doesNotMean: text(
      '误差水平分析是公认的弱信号：饱和色彩、锐利边缘和重新保存都会影响它，因此阈值设得很保守，单独不足以判定伪造；未发现不代表未修改。',
      'Error level analysis is a known weak signal: saturated colour, sharp edges and re-saving all move it, so the threshold is conservative and it is never enough alone; no finding does not mean untouched.',
    ),
  },
  'tamper.noise': {
    weight: 0.2,
    decisive: false,
    title: text('局部噪声水平不一致', 'Region with inconsistent noise'),
    means: text(
      '某块紧凑区域的噪声水平与照片中同等亮度的其他部分差异极大（明显更平滑或更嘈杂），常见于涂画、生成或从另一张照片粘贴的区域。',
      'A compact region has a noise level far from the rest of the photo at equal brightness (much smoother or much noisier), as painted, generated or pasted-in regions often do.',
    ),
    doesNotMean: text(
      '天空、纯色表面、虚化背景和降噪都会让区域更平滑，因此阈值设得很保守，单独不足以判定伪造；有损 WebP/HEIC/AVIF 不做此项分析。',
      'Sky, plain surfaces, blurred backgrounds and noise reduction also make regions smooth, so the threshold is conservative and it is never enough alone; lossy WebP, HEIC and AVIF are not analysed.',
    ),
  },
} as const satisfies Record<string, CatalogueEntry>;

/** Every stable finding code. */
export type FindingCode = keyof typeof catalogue;

/** The catalogue of finding codes (weights, meaning, non-meaning), in documentation order. */
export const FINDING_CATALOGUE: Readonly<Record<FindingCode, CatalogueEntry>> = catalogue;

/** All finding codes, in documentation order. */
export const FINDING_CODES = Object.keys(catalogue) as FindingCode[];
