/**
 * A duration in whole seconds within the limits of the service that takes it: a fraction is refused
 * as such (IAM and Kubernetes take integers), not as out of range.
 */
export function secondsProblems(path: string, value: number, min: number, max: number, service: string): string[] {
  if (!Number.isInteger(value)) {
    return [`${path}: ${value} is not a whole number of seconds; ${service} takes an integer from ${min} to ${max}.`];
  }
  if (value < min || value > max) {
    return [`${path}: ${value} is out of range; ${service} allows ${min} to ${max} seconds.`];
  }
  return [];
}
