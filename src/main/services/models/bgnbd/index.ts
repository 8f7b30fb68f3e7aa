export { expectedTransactions, logLikelihood, logLikelihoodWithGradient, pAlive, type BgnbdParams, type RepeatHistory } from './bgnbd';
export { fitBgnbd, standardErrors, type BgnbdFit } from './fit';
export { fitBgnbdFromProject, type ProjectBgnbdFit } from './fitFromProject';
export { simulateBgnbd, type SimulatedCustomer, type SimulationOptions } from './simulate';
export { customerHistories, repeatHistories, type HistoryOptions, type TimeUnit } from './summary';
