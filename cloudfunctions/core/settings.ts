import { DomainError } from './errors';
import { isLocalMode } from './runtime';

/**
 * Settings a deployed function is given as environment variables (cloudbaserc.json `envVariables`,
 * filled in per environment), each with what it is and the placeholder local mode uses.
 */
const SETTINGS = {
  NOTICE_TEMPLATE_ID: { zh: '订阅消息模板编号', en: 'the WeChat subscription message template id', local: 'local-notice-template' },
  /** The custom-login private key file from the CloudBase console, its JSON as one string (docs/web-sign-in.md). Local mode signs with the host's own key instead. */
  CUSTOM_LOGIN_KEY: { zh: '自定义登录私钥', en: 'the CloudBase custom-login private key (the JSON of the key file)', local: '' },
} as const;
export type SettingName = keyof typeof SETTINGS;

/**
 * A setting the cloud was not given. The call that needs it fails with a message naming the
 * variable, in Chinese for the person and in English for whoever reads the function log, rather
 * than carrying on with a local placeholder that WeChat would reject later and more quietly.
 */
export class MissingSetting extends DomainError {
  constructor(public readonly setting: SettingName) {
    const { zh, en } = SETTINGS[setting];
    super(
      'INTERNAL',
      `服务配置不完整：云函数缺少环境变量 ${setting}（${zh}），请联系县扶贫办设置。Missing setting: environment variable ${setting} (${en}) is not set for this function.`,
      { setting },
    );
    this.name = 'MissingSetting';
  }
}

export function setting(name: SettingName): string {
  const value = process.env[name]?.trim();
  if (value) return value;
  if (isLocalMode()) return SETTINGS[name].local;
  throw new MissingSetting(name);
}
