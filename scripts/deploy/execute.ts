/** Applies a plan through the port, one step at a time, saying what it did; the first failure stops the run (running again resumes: the plan is recomputed). */
import { describeStep, type Step } from './plan';
import type { CloudPort } from './port';

export async function applyStep(port: CloudPort, step: Step): Promise<void> {
  switch (step.kind) {
    case 'createCollection':
      return port.createCollection(step.collection);
    case 'updateIndexes':
      return port.updateIndexes(step.collection, step.create, step.drop);
    case 'setRule':
      return port.setRule(step.collection, step.rule);
    case 'createFunction':
      return port.createFunction(step.fn);
    case 'recreateFunction':
      await port.deleteFunction(step.fn.name);
      return port.createFunction(step.fn);
    case 'updateFunctionCode':
      return port.updateFunctionCode(step.fn);
    case 'updateFunctionConfig':
      return port.updateFunctionConfig(step.fn);
    case 'createTriggers':
      return port.createTriggers(step.fn.name, step.triggers);
    case 'insertDocument':
      return port.insertDocument(step.document.collection, step.document.doc);
  }
}

export async function execute(port: CloudPort, steps: Step[], log: (line: string) => void = console.log): Promise<void> {
  for (const [i, step] of steps.entries()) {
    log(`[${i + 1}/${steps.length}] ${describeStep(step)}`);
    try {
      await applyStep(port, step);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `第 ${i + 1} 步失败 step ${i + 1} failed: ${describeStep(step)}\n  ${message}\n  已完成的步骤不会重复；修正后再次运行 npm run deploy 即可继续。Steps done stay done: fix the cause and run npm run deploy again.`,
      );
    }
  }
}
