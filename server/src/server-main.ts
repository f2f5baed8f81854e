import { startNodeServer } from './node/start';

startNodeServer();
