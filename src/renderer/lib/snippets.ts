/** Copy-ready client configurations, filled with the relay's real base URL and a key. */
import { GEMINI_CLI_SETTINGS_PATH, geminiCliSettingsJson, geminiCliShellSnippet } from './gemini-cli-settings';

export interface Snippet {
  id: string;
  title: string;
  language: 'bash' | 'python' | 'typescript' | 'text';
  code: string;
}

export const KEY_PLACEHOLDER = 'sk-relay-placeholder';

export function buildSnippets(baseUrl: string, key: string, model: string): Snippet[] {
  const v1 = `${baseUrl}/v1`;
  return [
    {
      id: 'cherry',
      title: 'Cherry Studio / LobeChat / ChatBox',
      language: 'text',
      code: `Provider type: OpenAI (compatible)\nAPI host: ${baseUrl}\nAPI key: ${key}\nModel: ${model}`,
    },
    {
      id: 'claude-code',
      title: 'Claude Code',
      language: 'bash',
      // Every model variable Claude Code reads: left unset, its background and sub-agent calls ask
      // for Anthropic model names the relay would have to guess at.
      code: [
        `export ANTHROPIC_BASE_URL=${baseUrl}`,
        `export ANTHROPIC_AUTH_TOKEN=${key}`,
        `export ANTHROPIC_MODEL=${model}`,
        `export ANTHROPIC_SMALL_FAST_MODEL=${model}`,
        `export ANTHROPIC_DEFAULT_OPUS_MODEL=${model}`,
        `export ANTHROPIC_DEFAULT_SONNET_MODEL=${model}`,
        `export ANTHROPIC_DEFAULT_HAIKU_MODEL=${model}`,
        `export CLAUDE_CODE_SUBAGENT_MODEL=${model}`,
        'claude',
      ].join('\n'),
    },
    {
      id: 'gemini-cli',
      title: 'gemini-cli',
      language: 'bash',
      code: geminiCliShellSnippet(baseUrl, key, model),
    },
    {
      // For a settings file that already exists: the one setting to merge into it.
      id: 'gemini-cli-settings',
      title: `gemini-cli ${GEMINI_CLI_SETTINGS_PATH}`,
      language: 'text',
      code: geminiCliSettingsJson(),
    },
    {
      id: 'openai-sdk',
      title: 'OpenAI SDK (Python)',
      language: 'python',
      code: `from openai import OpenAI\n\nclient = OpenAI(base_url="${v1}", api_key="${key}")\nreply = client.chat.completions.create(\n    model="${model}",\n    messages=[{"role": "user", "content": "Hello"}],\n)\nprint(reply.choices[0].message.content)`,
    },
    {
      id: 'anthropic-sdk',
      title: 'Anthropic SDK (TypeScript)',
      language: 'typescript',
      code: `import Anthropic from '@anthropic-ai/sdk';\n\nconst client = new Anthropic({ baseURL: '${baseUrl}', apiKey: '${key}' });\nconst reply = await client.messages.create({\n  model: '${model}',\n  max_tokens: 1024,\n  messages: [{ role: 'user', content: 'Hello' }],\n});\nconsole.log(reply.content);`,
    },
    {
      id: 'curl',
      title: 'curl',
      language: 'bash',
      code: `curl ${v1}/chat/completions \\\n  -H "Authorization: Bearer ${key}" \\\n  -H "Content-Type: application/json" \\\n  -d '{"model":"${model}","messages":[{"role":"user","content":"Hello"}]}'`,
    },
  ];
}
