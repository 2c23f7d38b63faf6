import { describe, expect, it } from '@jest/globals';
import { myUnits } from './my-units';

describe('my units', () => {
  it('are the cooperatives and compounds of my grants, each once', () => {
    expect(
      myUnits([
        { nodeId: 'c1', nodeName: '御水岸', nodeKind: 'compound' },
        { nodeId: 'x', nodeName: '大圩社区', nodeKind: 'community' },
        { nodeId: 'c1', nodeName: '御水岸', nodeKind: 'compound' },
        { nodeId: 'n1', nodeName: '南村经济社', nodeKind: 'cooperative' },
      ]),
    ).toEqual([
      { id: 'c1', name: '御水岸', kind: 'compound' },
      { id: 'n1', name: '南村经济社', kind: 'cooperative' },
    ]);
  });

  it('are none for a signed-out person or staff of a community only', () => {
    expect(myUnits(undefined)).toEqual([]);
    expect(myUnits([{ nodeId: 's', nodeName: '桂城街道', nodeKind: 'street' }])).toEqual([]);
  });
});
